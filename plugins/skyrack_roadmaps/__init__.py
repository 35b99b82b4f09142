"""Built-in skyrack plugin: accelerator roadmaps, the frontier the business case prices against.

``nvidia-datacenter`` holds NVIDIA's data-center generations as shipped (H100, B200, GB300) and
as announced on its published roadmap (Rubin, Rubin Ultra), then the historical trend of ML
hardware for the years after the last announced part. ``flat`` is the what-if with no
improvement at all: the frontier stays where the H100 put it, so nothing becomes obsolete.

Throughput is dense BF16 (skyrack's unit of compute), power the accelerator's TDP, price the
accelerator's own (not its share of a server). Derived numbers are computed below from the
named published figures, and each note shows the arithmetic.
"""

from __future__ import annotations

from collections.abc import Callable

from skyrack import AcceleratorGeneration, AcceleratorRoadmap, Source, hookimpl

# --- published figures ---------------------------------------------------------------------

GB300_NVL72_BF16_SPARSE_PFLOPS = 360.0
"""GB300 NVL72 rack, FP16/BF16 with sparsity, 72 GPUs."""
GB300_NVL72_GPUS = 72
GB300_RACK_PRICE_USD = 3_500_000.0
"""Middle of the $3–4 million per rack reported for a GB300 NVL72."""
H100_GPU_SHARE_OF_SERVER = 32_500.0 / 42_500.0
"""An H100's $32.5k of the $42.5k it costs with its share of an HGX server (the accelerators
plugin's h100-sxm): the share of a rack's price that is the GPU itself."""
VERA_RUBIN_NVL144_FP8_DENSE_PFLOPS = 1_200.0
"""Vera Rubin NVL144: 1.2 EF FP8 training (3.3 × the GB300 NVL72's 360 PF dense FP8), 72
packages of two Rubin dies."""
VERA_RUBIN_PACKAGES = 72
RUBIN_ULTRA_NVL576_FP8_DENSE_PFLOPS = 5_000.0
"""Rubin Ultra NVL576: 5 EF FP8 training, 144 packages of four dies."""
RUBIN_ULTRA_PACKAGES = 144
BF16_PER_FP8 = 0.5
"""Dense BF16 is half of dense FP8 on H100 (989 / 1,979), B200 (2.25 / 4.5) and GB300 (2.5 / 5)."""
EPOCH_PRICE_PERFORMANCE_DOUBLING_YEARS = 2.1
EPOCH_ENERGY_EFFICIENCY_DOUBLING_YEARS = 3.0

# --- sources -------------------------------------------------------------------------------

H100_DATASHEET = Source(
    title="NVIDIA H100 Tensor Core GPU datasheet (SXM: 989 TFLOP/s dense BF16, 700 W)",
    year=2023,
    url="https://resources.nvidia.com/en-us-tensor-core/nvidia-tensor-core-gpu-datasheet",
)
H100_SHIPPING = Source(
    title="NVIDIA press release, NVIDIA Hopper in Full Production (20 September 2022): "
    "partners shipping H100 systems from October",
    year=2022,
    note="shipping from October 2022: 2022.75",
)
H100_PRICE = Source(
    title="H100 prices of $25,000–40,000 per GPU reported in market coverage since its launch "
    "(e.g. CNBC, 2023–24)",
    year=2024,
    estimate=True,
    note="middle of the range: $32,500",
)
BLACKWELL = Source(
    title="NVIDIA press release, NVIDIA Blackwell Platform Arrives to Power a New Era of "
    "Computing (18 March 2024); DGX B200 datasheet (2.25 PFLOP/s dense BF16 per GPU, 1,000 W)",
    year=2024,
    url="https://nvidianews.nvidia.com/news/nvidia-blackwell-platform-arrives-to-power-a-new-"
    "era-of-computing",
    note="B200 systems from partners late in 2024: 2024.75",
)
B200_PRICE = Source(
    title="Jensen Huang, CNBC interview (March 2024): Blackwell GPUs to cost $30,000–40,000",
    year=2024,
    estimate=True,
    note="middle of the range: $35,000",
)
GB300 = Source(
    title="NVIDIA GB300 NVL72 product page (72 Blackwell Ultra GPUs; FP16/BF16 360 PFLOPS with "
    "sparsity); first production rack delivered to CoreWeave in July 2025",
    year=2025,
    url="https://www.nvidia.com/en-us/data-center/gb300-nvl72/",
)
GB300_TDP = Source(
    title="Hugging Face hardware catalog, NVIDIA B300 (the Blackwell Ultra GPU of a GB300 "
    "NVL72): 288 GB, 1,400 W",
    year=2026,
    url="https://huggingface.co/hardware/b300",
)
GB300_PRICE = Source(
    title="GB300 NVL72 rack prices of $3–4 million reported at its launch (2025)",
    year=2025,
    estimate=True,
)
GTC_2025_ROADMAP = Source(
    title="NVIDIA GTC 2025 keynote (18 March 2025): Vera Rubin NVL144 in the second half of "
    "2026 (3.6 EF FP4 inference, 1.2 EF FP8 training, 3.3 × GB300 NVL72), Rubin Ultra NVL576 "
    "in the second half of 2027 (15 EF FP4, 5 EF FP8, 600 kW Kyber rack), Feynman in 2028",
    year=2025,
    url="https://www.nvidia.com/gtc/keynote/",
)
RUBIN_POWER = Source(
    title="Tom's Hardware, The cooling system for a single Nvidia Blackwell Ultra NVL72 rack "
    "costs $50,000 (Rubin GPUs up to 1,800 W, Rubin Ultra 3,600 W), reporting Morgan Stanley's "
    "supply-chain analysis",
    year=2025,
    estimate=True,
    note="reported, not published by NVIDIA",
)
EPOCH_HARDWARE = Source(
    title="Epoch AI (Hobbhahn, Heim, Aydos), Trends in Machine Learning Hardware: over 47 ML "
    "accelerators 2010–2023, price-performance doubles every 2.1 years, energy efficiency "
    "every 3 years",
    year=2023,
    url="https://epoch.ai/blog/trends-in-machine-learning-hardware",
    estimate=True,
)
FLAT = Source(
    title="skyrack what-if: no accelerator improvement after the H100",
    year=2026,
    estimate=True,
    note="zero growth by construction: the frontier never moves, so nothing becomes obsolete",
)


def _growth(doubling_years: float) -> float:
    """Annual growth of a quantity that doubles every ``doubling_years``."""
    return float(2.0 ** (1.0 / doubling_years) - 1.0)


def h100() -> AcceleratorGeneration:
    """The Hopper generation: the H100 SXM."""
    return AcceleratorGeneration(
        name="h100",
        description="NVIDIA H100 SXM (Hopper)",
        release_year=2022.75,
        bf16_dense_tflops=989.0,
        power_w=700.0,
        price_usd=32_500.0,
        shipped=True,
        sources={
            "release_year": H100_SHIPPING,
            "bf16_dense_tflops": H100_DATASHEET,
            "power_w": H100_DATASHEET,
            "price_usd": H100_PRICE,
        },
    )


def b200() -> AcceleratorGeneration:
    """The Blackwell generation: the B200."""
    return AcceleratorGeneration(
        name="b200",
        description="NVIDIA B200 (Blackwell)",
        release_year=2024.75,
        bf16_dense_tflops=2_250.0,
        power_w=1_000.0,
        price_usd=35_000.0,
        shipped=True,
        sources={
            "release_year": BLACKWELL,
            "bf16_dense_tflops": BLACKWELL,
            "power_w": BLACKWELL,
            "price_usd": B200_PRICE,
        },
    )


def gb300() -> AcceleratorGeneration:
    """Blackwell Ultra: the B300 GPU of a GB300 NVL72."""
    bf16 = GB300_NVL72_BF16_SPARSE_PFLOPS / GB300_NVL72_GPUS / 2.0 * 1000.0
    price = round(GB300_RACK_PRICE_USD / GB300_NVL72_GPUS * H100_GPU_SHARE_OF_SERVER, -2)
    return AcceleratorGeneration(
        name="gb300",
        description="NVIDIA Blackwell Ultra GPU of a GB300 NVL72",
        release_year=2025.5,
        bf16_dense_tflops=bf16,
        power_w=1_400.0,
        price_usd=price,
        shipped=True,
        sources={
            "release_year": GB300.derive("first production rack in July 2025: 2025.5"),
            "bf16_dense_tflops": GB300.derive(
                f"360 PFLOPS sparse / 72 GPUs / 2 (dense) = {bf16:,.0f} TFLOP/s"
            ),
            "power_w": GB300_TDP,
            "price_usd": GB300_PRICE.derive(
                f"$3.5M (middle of $3–4M) / 72 GPUs = ${GB300_RACK_PRICE_USD / 72:,.0f} with its "
                f"share of Grace CPUs, NVLink and rack; × 32.5 / 42.5 (an H100's share of its "
                f"HGX server price) = ${price:,.0f} for the GPU"
            ),
        },
    )


def _announced(
    name: str,
    description: str,
    year: float,
    fp8_dense_pflops: float,
    packages: int,
    power_w: float,
    usd_per_w: float,
) -> AcceleratorGeneration:
    bf16 = fp8_dense_pflops / packages * BF16_PER_FP8 * 1000.0
    price = round(usd_per_w * power_w, -2)
    return AcceleratorGeneration(
        name=name,
        description=description,
        release_year=year,
        bf16_dense_tflops=bf16,
        power_w=power_w,
        price_usd=price,
        shipped=False,
        sources={
            "release_year": GTC_2025_ROADMAP.derive(f"second half of {int(year)}: {year:g}"),
            "bf16_dense_tflops": GTC_2025_ROADMAP.derive(
                f"{fp8_dense_pflops:,.0f} PF dense FP8 / {packages} packages × 0.5 (BF16 is half "
                f"of FP8 on H100, B200 and GB300) = {bf16:,.0f} TFLOP/s"
            ),
            "power_w": RUBIN_POWER,
            "price_usd": GB300_PRICE.derive(
                f"no price announced: the GB300's ${usd_per_w:.2f} per W of TDP × {power_w:,.0f} "
                f"W = ${price:,.0f}"
            ),
        },
    )


def nvidia_datacenter() -> AcceleratorRoadmap:
    """NVIDIA's data-center GPUs as shipped and as announced, then the ML-hardware trend."""
    gb = gb300()
    usd_per_w = gb.price_usd / gb.power_w
    per_usd = _growth(EPOCH_PRICE_PERFORMANCE_DOUBLING_YEARS)
    per_w = _growth(EPOCH_ENERGY_EFFICIENCY_DOUBLING_YEARS)
    return AcceleratorRoadmap(
        name="nvidia-datacenter",
        description="NVIDIA data-center GPUs: H100 (2022), B200 (2024), GB300 (2025) as shipped; "
        "Rubin (2026) and Rubin Ultra (2027) as announced at GTC 2025. Feynman (2028) is named "
        "without figures, so after Rubin Ultra the frontier follows Epoch AI's ML-hardware "
        "trends (price-performance ×2 every 2.1 years, performance per watt ×2 every 3).",
        generations=(
            h100(),
            b200(),
            gb,
            _announced(
                "rubin",
                "NVIDIA Rubin (Vera Rubin NVL144 package of two dies), announced",
                2026.5,
                VERA_RUBIN_NVL144_FP8_DENSE_PFLOPS,
                VERA_RUBIN_PACKAGES,
                1_800.0,
                usd_per_w,
            ),
            _announced(
                "rubin-ultra",
                "NVIDIA Rubin Ultra (NVL576 package of four dies), announced",
                2027.5,
                RUBIN_ULTRA_NVL576_FP8_DENSE_PFLOPS,
                RUBIN_ULTRA_PACKAGES,
                3_600.0,
                usd_per_w,
            ),
        ),
        tflops_per_w_growth_per_year=per_w,
        tflops_per_usd_growth_per_year=per_usd,
        sources={
            "tflops_per_w_growth_per_year": EPOCH_HARDWARE.derive(
                f"2^(1/3) − 1 = {per_w:.3f} per year"
            ),
            "tflops_per_usd_growth_per_year": EPOCH_HARDWARE.derive(
                f"2^(1/2.1) − 1 = {per_usd:.3f} per year"
            ),
        },
    )


def flat() -> AcceleratorRoadmap:
    """No improvement: the H100 stays the frontier for ever."""
    return AcceleratorRoadmap(
        name="flat",
        description="What-if: the frontier never improves past the H100, so revenue per "
        "accelerator-hour never falls and a refresh buys nothing new.",
        generations=(h100(),),
        tflops_per_w_growth_per_year=0.0,
        tflops_per_usd_growth_per_year=0.0,
        sources={"tflops_per_w_growth_per_year": FLAT, "tflops_per_usd_growth_per_year": FLAT},
    )


CATALOG: tuple[Callable[[], AcceleratorRoadmap], ...] = (nvidia_datacenter, flat)


@hookimpl
def register_accelerator_roadmaps(register: Callable[[AcceleratorRoadmap], None]) -> None:
    """Register the built-in accelerator roadmaps."""
    for build in CATALOG:
        register(build())
