"""Built-in skyrack plugin: accelerators as flown, with their share of host, board and cold plate.

Derived numbers are computed from the named system figures below (DGX power and weight, GB200
NVL72 weight, the Llama 3 failure counts), and each source's note shows the arithmetic.

Radiation and upset numbers for these parts are mostly estimates: only the TPU v6e has a
published proton test (Project Suncatcher). Shielding is not part of a payload: the sizing adds
aluminium around the compute (``Sizing.shielding_mm_al``), so ``tid_tolerance_krad`` is the
silicon's own tolerance.
"""

from __future__ import annotations

from collections.abc import Callable

from skyrack import ComputePayload, Source, hookimpl

# --- system figures the per-accelerator numbers are derived from ------------------------------

H100_TDP_W = 700.0
DGX_H100_MAX_POWER_W = 10_200.0
DGX_H100_WEIGHT_KG = 130.45
B200_TDP_W = 1_000.0
DGX_B200_MAX_POWER_W = 14_300.0
GB200_NVL72_WEIGHT_KG = 1_360.0
GB200_NVL72_GPUS = 72
GPUS_PER_DGX = 8

LLAMA3_GPU_YEARS = 16_384 * 54 / 365
"""GPU-years of the Llama 3 405B pre-training snapshot: 16,384 H100 for 54 days = 2,423.9."""
LLAMA3_GPU_INTERRUPTIONS = 268
"""GPU-attributed unexpected interruptions in that snapshot (faulty GPU 148, HBM3 72, SRAM 19,
GSP 17, SDC 6, thermal interface 6): 268 / 2,423.9 = 11.1 % per GPU-year."""
LLAMA3_HBM_INTERRUPTIONS = 72

WARRANTY_YEARS = 3.0
"""Failed accelerators replaced free for three years after purchase (see SUPPORT_TERM)."""

PERMANENT_FAILURE_RATE = 0.03
"""Permanent (replace-the-board) failures per accelerator-year chosen for all built-ins."""

HBM_UPSETS_PER_GB_DAY = 0.1 / 80
"""ESTIMATE: upsets needing a reset scale with HBM capacity, from one per ten days for 80 GB."""

TPU_V6E_TDP_W = 300.0
TPU_V6E_HOST_W_PER_CHIP = 150.0
DGX_H100_KG_PER_W = DGX_H100_WEIGHT_KG / DGX_H100_MAX_POWER_W

GPU_MAX_OPERATING_TEMPERATURE_K = 87.0 + 273.15
"""The H100 SXM's maximum operating temperature (87 °C), assumed for parts that publish none."""
COLD_PLATE_K_PER_W = 0.03
"""Junction-to-coolant thermal resistance of a liquid cold plate on a data-center GPU."""
LOOP_TO_RADIATOR_K = 10.0
"""Coolant to radiator surface: half the coolant's rise across the cold plates plus the drop
into the radiator's tubes and fins."""

DERATE_CLOCK = 0.75
DERATE_VOLTAGE = 0.93
DERATE_POWER = round(DERATE_CLOCK * DERATE_VOLTAGE**2, 2)
"""Dynamic power ∝ f·V²: 0.75 × 0.93² = 0.65."""
RAD_SUPERVISOR_KG = 1.0
RAD_PRICE_FACTOR = 1.3
RAD_SEU_REDUCTION = 5.0

# --- sources ----------------------------------------------------------------------------------

NVIDIA_H100 = Source(
    title="NVIDIA H100 Tensor Core GPU datasheet (SXM: 989 TFLOP/s BF16 and 1,979 TFLOP/s FP8 "
    "dense — half the sparsity figures; 700 W; 80 GB HBM3)",
    year=2023,
    url="https://resources.nvidia.com/en-us-tensor-core/nvidia-tensor-core-gpu-datasheet",
)
DGX_H100 = Source(
    title="NVIDIA DGX H100 datasheet (8 × H100 SXM, system power ~10.2 kW max, system weight "
    "130.45 kg / 287.6 lb)",
    year=2023,
    url="https://resources.nvidia.com/en-us-dgx-systems/ai-enterprise-dgx",
    estimate=True,
)
NVIDIA_B200 = Source(
    title="NVIDIA HGX B200 / DGX B200 datasheets (per GPU dense: 2.25 PFLOP/s BF16, 4.5 FP8, "
    "9 FP4 — half the sparsity figures; 180 GB HBM3e per GPU, 1,440 GB per system)",
    year=2024,
    url="https://www.nvidia.com/en-us/data-center/dgx-b200/",
    note="~2.25 PFLOP/s of dense BF16 per GPU",
)
MLPERF_B200 = Source(
    title="MLCommons Inference v6.0, Nebius B200 system description ('B200 TGP 1000W', 180 GB "
    "HBM3e per GPU)",
    year=2026,
    url="https://github.com/mlcommons/inference_results_v6.0/blob/main/closed/Nebius/systems/"
    "nebius_b200_n1.json",
)
DGX_B200 = Source(
    title="NVIDIA DGX B200 datasheet (8 × B200, system power ~14.3 kW max)",
    year=2024,
    url="https://www.nvidia.com/en-us/data-center/dgx-b200/",
    estimate=True,
)
GB200_NVL72 = Source(
    title="NVIDIA GB200 NVL72 rack (72 Blackwell GPUs, 132 kW, ~1.36 t with Grace CPUs, NVLink "
    "switch trays and liquid-cooling manifolds)",
    year=2024,
    url="https://www.nvidia.com/en-us/data-center/gb200-nvl72/",
    estimate=True,
)
GOOGLE_TPU_V6E = Source(
    title="Google Cloud, TPU v6e documentation (918 TFLOP/s BF16, 1,836 TOP/s INT8, 32 GB HBM "
    "per chip; 8 chips and 1,536 GiB DRAM per host)",
    year=2025,
    url="https://cloud.google.com/tpu/docs/v6e",
)
SUNCATCHER = Source(
    title="Google, Towards a future space-based, highly scalable AI infrastructure system design "
    "(Project Suncatcher), arXiv 2511.19468",
    year=2025,
    url="https://arxiv.org/abs/2511.19468",
    note="Trillium (v6e) TPUs in a 67 MeV proton beam: no hard failures up to 15 krad(Si), the "
    "maximum tested (a single chip); HBM irregularities from ~2 krad(Si)",
)
H100_PRICE = Source(
    title="NVIDIA H100 prices of $25,000–40,000 per GPU in market reports (CNBC, Nvidia's top "
    "A.I. chips are selling for more than $40,000 on eBay, April 2023)",
    year=2023,
    url="https://www.cnbc.com/2023/04/14/nvidias-h100-ai-chips-selling-for-more-than-40000-on-ebay"
    ".html",
    estimate=True,
    note="GPU $32.5k (mid of $25–40k) + host share $10k (an 8-GPU HGX server's CPUs, 2 TB DRAM, "
    "400G NICs, NVSwitch board, chassis and PSUs ≈ $80k / 8) = $42.5k",
).with_range(35_000.0, 50_000.0, "the GPU's $25–40k range plus the $10k host share")
B200_PRICE = Source(
    title="Jensen Huang (CNBC interview, March 2024): Blackwell GPUs to cost $30,000–40,000",
    year=2024,
    estimate=True,
    note="GPU $35k (mid of $30–40k) + host share $10k (as for the H100) = $45k",
).with_range(40_000.0, 50_000.0, "the GPU's $30–40k range plus the $10k host share")
TPU_PRICE = Source(
    title="skyrack estimate: TPU v6e chip with its host share",
    year=2026,
    estimate=True,
    note="Google does not sell TPUs. Chip + 32 GB HBM + board at cost with no merchant margin "
    "≈ $10k, plus host share ≈ $40k server / 8 chips = $5k → $15k",
).with_range(10_000.0, 25_000.0, "from the chip at cost to a merchant part's margin")
LLAMA3 = Source(
    title="Meta, The Llama 3 Herd of Models, arXiv 2407.21783, Table 5 (419 unexpected "
    "interruptions in 54 days on 16,384 H100); with the GPU replacement rates of ORNL Titan "
    "(Ostrouchov et al., GPU Lifetimes on Titan Supercomputer: Survival Analysis and "
    "Reliability, SC20, doi:10.1109/SC41405.2020.00045) and Blue Waters (Cray User Group 2021)",
    year=2024,
    url="https://arxiv.org/abs/2407.21783",
    estimate=True,
    note="GPU-attributed interruptions 268 / (16,384 × 54 / 365 = 2,423.9 GPU-yr) = 11.1 %/yr, "
    "but these are interruptions, many cleared by a reset; replacement rates elsewhere are lower "
    "(Titan new boards 0.25 %/yr, Blue Waters ~0.4 %/yr, Titan all units 5.0 %/yr incl. a "
    "corrosion defect). Chosen permanent rate 3 %/yr ≈ Llama 3's HBM3 rate 72 / 2,423.9 = "
    "2.97 %/yr (on-package HBM faults generally mean replacing the board), about a quarter of "
    "the interruption rate and a third of McCalip's 9 %",
).with_range(
    0.005,
    0.11,
    "from the replacement rates of Blue Waters (~0.4 %/yr) to Llama 3's 11 %/yr of "
    "GPU-attributed interruptions",
)
LLAMA3_UNMEASURED = Source(
    title=LLAMA3.title,
    year=2024,
    url=LLAMA3.url,
    estimate=True,
    note="no published fleet failure data for this part; the 3 %/yr chosen for the H100 from "
    "Llama 3's HBM3 rate (72 / 2,423.9 GPU-yr = 2.97 %/yr) is assumed",
).with_range(
    0.005,
    0.11,
    "as for the H100: from Blue Waters' ~0.4 %/yr replacements to Llama 3's 11 %/yr interruptions",
)
GPU_TID = Source(
    title="skyrack estimate: total-dose tolerance of untested data-center GPUs",
    year=2026,
    estimate=True,
    note="no published TID test of H100/B200 (NASA GSFC tests of COTS GPUs measure single-event "
    "effects). Suncatcher's TPU v6e — a similar TSMC FinFET die with HBM — showed no hard "
    "failure to 15 krad(Si) and HBM irregularities from 2 krad; for an untested part we take "
    "two thirds of that: 10 krad(Si)",
).with_range(
    2.0, 20.0, "from the ~2 krad(Si) of Suncatcher's HBM irregularities to beyond its 15 krad(Si)"
)
H100_SHIPPING = Source(
    title="NVIDIA press release, NVIDIA Hopper in Full Production (20 September 2022): "
    "partners shipping H100 systems from October",
    year=2022,
    note="shipping from October 2022: 2022.75",
)
BLACKWELL_SHIPPING = Source(
    title="NVIDIA press release, NVIDIA Blackwell Platform Arrives to Power a New Era of "
    "Computing (GTC, 18 March 2024: B200 available from partners later in 2024)",
    year=2024,
    note="late 2024: 2024.75",
    url="https://nvidianews.nvidia.com/news/nvidia-blackwell-platform-arrives-to-power-a-new-era-"
    "of-computing",
)
TRILLIUM_GA = Source(
    title="Google Cloud blog, Trillium sixth-generation TPU is generally available (December 2024)",
    year=2024,
    url="https://cloud.google.com/blog/products/compute/trillium-tpu-is-ga",
    note="December 2024: 2024.9",
)
SUPPORT_TERM = Source(
    title="NVIDIA DGX systems are sold with NVIDIA Enterprise Support (hardware replacement) in "
    "terms of three years; NVIDIA-certified HGX servers from OEMs (e.g. Dell PowerEdge XE9680) "
    "ship with a three-year standard warranty",
    year=2024,
    url="https://www.nvidia.com/en-us/data-center/dgx-support/",
    estimate=True,
    note="3 years: the term a data-center operator buying accelerators in servers gets by "
    "default; longer support is bought separately",
).with_range(1.0, 5.0, "from a one-year term to support extended to five years")
SUPPORT_TERM_ASSUMED = SUPPORT_TERM.derive(
    "Google sells no TPUs; the three-year hardware term of NVIDIA's data-center systems is "
    "assumed for an operator running this part"
)
H100_TEMPERATURE_LIMITS = Source(
    title="NVIDIA Management Library (NVML) API reference, nvmlTemperatureThresholds_t, as "
    "reported by the driver for the H100 SXM5 80 GB (nvidia-smi -q: GPU Max Operating Temp "
    "87 °C, GPU Slowdown Temp 89 °C, GPU Shutdown Temp 92 °C, Memory Max Operating Temp 95 °C)",
    year=2023,
    url="https://docs.nvidia.com/deploy/nvml-api/group__nvmlDeviceEnumvs.html",
    note="87 °C = 360.15 K: above its maximum operating temperature the driver slows the GPU "
    "(SW thermal slowdown), so a design that needs it hotter cannot deliver rated throughput",
)
ASSUMED_TEMPERATURE_LIMITS = H100_TEMPERATURE_LIMITS.derive(
    "no published maximum operating temperature for this part; the H100's 87 °C (360.15 K) is "
    "assumed"
).with_range(355.15, 365.15, "±5 K around the H100's 87 °C: from 82 °C to its 92 °C shutdown")
THERMAL_CHAIN = Source(
    title="skyrack estimate of the thermal chain from junction to radiator, with cold-plate "
    "resistances from ASHRAE TC 9.9, Emergence and Expansion of Liquid Cooling in Mainstream "
    "Data Centers (white paper)",
    year=2021,
    url="https://www.ashrae.org/file%20library/technical%20resources/bookstore/emergence-and-"
    "expansion-of-liquid-cooling-in-mainstream-data-centers_wp.pdf",
    estimate=True,
    note="junction to coolant through a liquid cold plate ≈ 0.03 K/W for today's high-power "
    "GPUs, so 0.03 × TDP; plus 10 K from the coolant to the radiator surface (half the "
    "coolant's rise across the cold plates and the drop into the radiator's tubes and fins of a "
    "pumped single-phase loop). No heat pump: the radiator must be colder than the chip by this "
    "much: ",
)
SEU_ESTIMATE = Source(
    title="skyrack estimate: upsets needing a reset in LEO",
    year=2026,
    estimate=True,
    note="no published in-orbit rate for these parts. Assume one reset-needing upset per 10 days "
    "for an 80 GB H100 and scale with HBM capacity (0.1 / 80 = 0.00125 per GB-day): ",
)
SEU_RECOVERY = Source(
    title="skyrack estimate: time lost per upset",
    year=2026,
    estimate=True,
    note="driver/accelerator reset, reload of weights from host memory and restore from an "
    "in-memory checkpoint ≈ 5 min = 300 s",
).with_range(60.0, 1_200.0, "from a supervised chip reset (1 min) to a job restart (20 min)")


def _thermal_chain_k(tdp_w: float) -> float:
    return round(COLD_PLATE_K_PER_W * tdp_w + LOOP_TO_RADIATOR_K, 2)


def _thermal_chain_source(tdp_w: float) -> Source:
    delta = _thermal_chain_k(tdp_w)
    limit = GPU_MAX_OPERATING_TEMPERATURE_K - delta
    return THERMAL_CHAIN.derive(
        note=f"{THERMAL_CHAIN.note}0.03 K/W × {tdp_w:g} W + 10 K = {delta:g} K; with an 87 °C "
        f"junction the radiator runs at most 360.15 − {delta:g} = {limit:.2f} K",
    ).with_range(
        0.7 * delta, 1.5 * delta, "from a better cold plate and loop to a worse one (−30 %/+50 %)"
    )


def _seu_source(memory_gb: float, divisor: float = 1.0) -> Source:
    rate = HBM_UPSETS_PER_GB_DAY * memory_gb / divisor
    extra = f" / {divisor:g} for hardening" if divisor != 1.0 else ""
    return SEU_ESTIMATE.derive(
        note=f"{SEU_ESTIMATE.note}0.00125 × {memory_gb:g} GB{extra} = {rate:.3g} per day",
    ).with_range(rate / 10, rate * 10, "an order of magnitude either way: no in-orbit rate")


def h100_sxm() -> ComputePayload:
    """NVIDIA H100 SXM as a share of a DGX H100."""
    host = (DGX_H100_MAX_POWER_W - GPUS_PER_DGX * H100_TDP_W) / (GPUS_PER_DGX * H100_TDP_W)
    return ComputePayload(
        name="h100-sxm",
        description="NVIDIA H100 SXM 80 GB with one eighth of a DGX H100 (host CPUs, memory, "
        "NICs, NVSwitch, power conversion); a commercial part, not radiation tolerant.",
        dense_tflops={"bf16": 989.0, "fp8": 1_979.0},
        tdp_w=H100_TDP_W,
        host_power_fraction=host,
        mass_kg=DGX_H100_WEIGHT_KG / GPUS_PER_DGX,
        unit_price_usd=42_500.0,
        failure_rate_per_year=PERMANENT_FAILURE_RATE,
        warranty_years=WARRANTY_YEARS,
        tid_tolerance_krad=10.0,
        seu_upsets_per_day=HBM_UPSETS_PER_GB_DAY * 80,
        seu_recovery_s=300.0,
        memory_gb=80.0,
        max_junction_temperature_k=GPU_MAX_OPERATING_TEMPERATURE_K,
        junction_to_radiator_delta_k=_thermal_chain_k(H100_TDP_W),
        radiation_tolerant=False,
        release_year=2022.75,
        sources={
            "dense_tflops": NVIDIA_H100,
            "tdp_w": NVIDIA_H100,
            "host_power_fraction": DGX_H100.derive(
                note=f"(10,200 W − 8 × 700 W) / (8 × 700 W) = {host:.3f}; the DGX maximum, with "
                "fans that a cold-plated space server would replace by pumps",
            ).with_range(0.4, 0.85, "the DGX maximum is the top; pumps and no fans draw less"),
            "mass_kg": DGX_H100.derive(
                note="130.45 kg / 8 GPUs = 16.31 kg per GPU with its host share; the air-cooled "
                "heatsinks and fans are assumed to weigh what space cold plates would",
            ).with_range(10.0, 20.0, "lighter cold plates, or heavier ones with their loops"),
            "unit_price_usd": H100_PRICE,
            "failure_rate_per_year": LLAMA3,
            "warranty_years": SUPPORT_TERM,
            "tid_tolerance_krad": GPU_TID,
            "seu_upsets_per_day": _seu_source(80.0),
            "seu_recovery_s": SEU_RECOVERY,
            "max_junction_temperature_k": H100_TEMPERATURE_LIMITS,
            "junction_to_radiator_delta_k": _thermal_chain_source(H100_TDP_W),
            "release_year": H100_SHIPPING,
            "memory_gb": NVIDIA_H100,
        },
    )


def b200() -> ComputePayload:
    """NVIDIA B200 with its share of an 8-GPU system; mass from the liquid-cooled NVL72 rack."""
    host = (DGX_B200_MAX_POWER_W - GPUS_PER_DGX * B200_TDP_W) / (GPUS_PER_DGX * B200_TDP_W)
    return ComputePayload(
        name="b200",
        description="NVIDIA B200 (Blackwell, 180 GB HBM3e) with one eighth of a DGX B200 for "
        "power and its share of a liquid-cooled GB200 NVL72 rack for mass; not radiation "
        "tolerant.",
        dense_tflops={"bf16": 2_250.0, "fp8": 4_500.0, "fp4": 9_000.0},
        tdp_w=B200_TDP_W,
        host_power_fraction=host,
        mass_kg=round(GB200_NVL72_WEIGHT_KG / GB200_NVL72_GPUS, 2),
        unit_price_usd=45_000.0,
        failure_rate_per_year=PERMANENT_FAILURE_RATE,
        warranty_years=WARRANTY_YEARS,
        tid_tolerance_krad=10.0,
        seu_upsets_per_day=HBM_UPSETS_PER_GB_DAY * 180,
        seu_recovery_s=300.0,
        memory_gb=180.0,
        max_junction_temperature_k=GPU_MAX_OPERATING_TEMPERATURE_K,
        junction_to_radiator_delta_k=_thermal_chain_k(B200_TDP_W),
        radiation_tolerant=False,
        release_year=2024.75,
        sources={
            "dense_tflops": NVIDIA_B200,
            "tdp_w": MLPERF_B200,
            "host_power_fraction": DGX_B200.derive(
                note=f"(14,300 W − 8 × 1,000 W) / (8 × 1,000 W) = {host:.4f}",
            ).with_range(0.4, 0.8, "the DGX maximum is the top; pumps and no fans draw less"),
            "mass_kg": GB200_NVL72.derive(
                note="1,360 kg / 72 GPUs = 18.89 kg per GPU including its Grace CPU share, "
                "NVLink switches and cold plates (the NVL72's GPUs run at up to 1.2 kW, so this "
                "slightly overstates a 1 kW B200's share)",
            ).with_range(12.0, 22.0, "the rack's share per GPU, ±~1/3 for a space chassis"),
            "unit_price_usd": B200_PRICE,
            "failure_rate_per_year": LLAMA3_UNMEASURED,
            "warranty_years": SUPPORT_TERM,
            "tid_tolerance_krad": GPU_TID,
            "seu_upsets_per_day": _seu_source(180.0),
            "seu_recovery_s": SEU_RECOVERY,
            "max_junction_temperature_k": ASSUMED_TEMPERATURE_LIMITS,
            "junction_to_radiator_delta_k": _thermal_chain_source(B200_TDP_W),
            "release_year": BLACKWELL_SHIPPING,
            "memory_gb": MLPERF_B200,
        },
    )


def _tpu_tdp_source() -> Source:
    return Source(
        title="skyrack estimate: TPU v6e chip power",
        year=2026,
        estimate=True,
        note="Google publishes no TDP. Assume ~3 TFLOP/s per W at peak, about twice the H100's "
        "989 / 700 = 1.41 (Trillium is '67 % more energy efficient' than v5e and built as an "
        "efficiency part): 918 / 3 ≈ 300 W",
    ).with_range(200.0, 400.0, "2.3 to 4.6 TFLOP/s per W")


def _tpu_host_source(tdp_w: float) -> Source:
    return Source(
        title="Google Cloud, TPU v6e host (8 chips, 1,536 GiB DRAM, 4 × 200 Gbps NICs per host); "
        "skyrack estimate of its power",
        year=2025,
        url="https://cloud.google.com/tpu/docs/v6e",
        estimate=True,
        note=f"host ≈ 1,200 W for 8 chips (two CPU sockets, 1.5 TiB DRAM, NICs, conversion) = "
        f"150 W per chip; 150 / {tdp_w:g} W = {TPU_V6E_HOST_W_PER_CHIP / tdp_w:.3f}",
    ).with_range(
        100.0 / tdp_w, 240.0 / tdp_w, "a host of 100–240 W per chip (0.8–1.9 kW for eight)"
    )


def tpu_v6e() -> ComputePayload:
    """Google TPU v6e (Trillium), the chip Project Suncatcher tested in a proton beam."""
    all_in_w = TPU_V6E_TDP_W + TPU_V6E_HOST_W_PER_CHIP
    mass = round(DGX_H100_KG_PER_W * all_in_w, 2)
    return ComputePayload(
        name="tpu-v6e",
        description="Google TPU v6e (Trillium) with its share of a host; the part Project "
        "Suncatcher proton-tested (no hard failure to 15 krad). Power, mass and price are "
        "estimates: Google publishes none.",
        dense_tflops={"bf16": 918.0, "int8": 1_836.0},
        tdp_w=TPU_V6E_TDP_W,
        host_power_fraction=TPU_V6E_HOST_W_PER_CHIP / TPU_V6E_TDP_W,
        mass_kg=mass,
        unit_price_usd=15_000.0,
        failure_rate_per_year=PERMANENT_FAILURE_RATE,
        warranty_years=WARRANTY_YEARS,
        tid_tolerance_krad=15.0,
        seu_upsets_per_day=HBM_UPSETS_PER_GB_DAY * 32,
        seu_recovery_s=300.0,
        memory_gb=32.0,
        max_junction_temperature_k=GPU_MAX_OPERATING_TEMPERATURE_K,
        junction_to_radiator_delta_k=_thermal_chain_k(TPU_V6E_TDP_W),
        radiation_tolerant=False,
        release_year=2024.9,
        sources={
            "dense_tflops": GOOGLE_TPU_V6E,
            "tdp_w": _tpu_tdp_source(),
            "host_power_fraction": _tpu_host_source(TPU_V6E_TDP_W),
            "mass_kg": DGX_H100.derive(
                note=f"scaled by power from a DGX H100: 130.45 kg / 10,200 W = 0.01279 kg/W × "
                f"(300 + 150) W = {mass:.2f} kg",
            ).with_range(4.0, 9.0, "scaling by power is rough: −30 % to +55 %"),
            "unit_price_usd": TPU_PRICE,
            "failure_rate_per_year": LLAMA3_UNMEASURED,
            "warranty_years": SUPPORT_TERM_ASSUMED,
            "tid_tolerance_krad": SUNCATCHER,
            "seu_upsets_per_day": _seu_source(32.0),
            "seu_recovery_s": SEU_RECOVERY,
            "max_junction_temperature_k": ASSUMED_TEMPERATURE_LIMITS,
            "junction_to_radiator_delta_k": _thermal_chain_source(TPU_V6E_TDP_W),
            "release_year": TRILLIUM_GA,
            "memory_gb": GOOGLE_TPU_V6E,
        },
    )


def tpu_v6e_rad_derated() -> ComputePayload:
    """A derated, radiation-tolerant TPU v6e with ECC scrubbing and a hardware supervisor."""
    base = tpu_v6e()
    tdp = TPU_V6E_TDP_W * DERATE_POWER
    bf16 = base.dense_tflops["bf16"] * DERATE_CLOCK
    int8 = base.dense_tflops["int8"] * DERATE_CLOCK
    mass = round(base.mass_kg + RAD_SUPERVISOR_KG, 2)
    seu = base.seu_upsets_per_day / RAD_SEU_REDUCTION
    estimate_note = "ESTIMATE of a hypothetical part: "
    return ComputePayload(
        name="tpu-v6e-rad-derated",
        description="ESTIMATE of a radiation-tolerant TPU v6e: clocks derated 25 % and voltage "
        "7 %, SRAM/HBM ECC scrubbing and a rad-hard supervisor that resets a hung chip; fewer "
        "upsets and faster recovery, at lower throughput and more mass and price.",
        dense_tflops={"bf16": bf16, "int8": int8},
        tdp_w=tdp,
        host_power_fraction=TPU_V6E_HOST_W_PER_CHIP / tdp,
        mass_kg=mass,
        unit_price_usd=base.unit_price_usd * RAD_PRICE_FACTOR,
        failure_rate_per_year=PERMANENT_FAILURE_RATE,
        warranty_years=WARRANTY_YEARS,
        tid_tolerance_krad=15.0,
        seu_upsets_per_day=seu,
        seu_recovery_s=60.0,
        memory_gb=32.0,
        max_junction_temperature_k=GPU_MAX_OPERATING_TEMPERATURE_K,
        junction_to_radiator_delta_k=_thermal_chain_k(tdp),
        radiation_tolerant=True,
        release_year=2024.9,
        sources={
            "dense_tflops": Source(
                title="skyrack estimate: derated TPU v6e throughput",
                year=2026,
                estimate=True,
                note=f"{estimate_note}clock × 0.75: 918 × 0.75 = {bf16:g} TFLOP/s BF16, "
                f"1,836 × 0.75 = {int8:g} TOP/s INT8",
            ).with_range(600.0, 800.0, "a clock derated by 13–35 %"),
            "tdp_w": Source(
                title="skyrack estimate: derated TPU v6e power",
                year=2026,
                estimate=True,
                note=f"{estimate_note}dynamic power ∝ f·V²: 0.75 × 0.93² = {DERATE_POWER:g}; "
                f"300 W × {DERATE_POWER:g} = {tdp:g} W",
            ).with_range(150.0, 250.0, "with the TPU's own power uncertain"),
            "host_power_fraction": _tpu_host_source(tdp),
            "mass_kg": Source(
                title="skyrack estimate: derated TPU v6e mass",
                year=2026,
                estimate=True,
                note=f"{estimate_note}TPU v6e {base.mass_kg:g} kg + 1.0 kg share of a rad-hard "
                f"supervisor/scrubbing board = {mass:g} kg (shielding is sized separately)",
            ).with_range(5.0, 10.0, "with the TPU's own mass uncertain"),
            "unit_price_usd": Source(
                title="skyrack estimate: derated TPU v6e price",
                year=2026,
                estimate=True,
                note=f"{estimate_note}$15,000 × 1.3 for lot screening, proton testing and the "
                f"supervisor = ${base.unit_price_usd * RAD_PRICE_FACTOR:,.0f}",
            ).with_range(15_000.0, 30_000.0, "with the TPU's own price uncertain"),
            "failure_rate_per_year": LLAMA3_UNMEASURED,
            "warranty_years": SUPPORT_TERM_ASSUMED,
            "tid_tolerance_krad": SUNCATCHER.derive(
                note="same silicon as the TPU v6e: 15 krad(Si) without hard failure. Derating "
                "does not raise the silicon's total-dose tolerance; shielding (sized separately) "
                "lowers the dose it sees",
            ).with_range(10.0, 30.0, "15 krad(Si) is the most tested, not a failure point"),
            "seu_upsets_per_day": _seu_source(32.0, RAD_SEU_REDUCTION),
            "seu_recovery_s": Source(
                title="skyrack estimate: recovery with a hardware supervisor",
                year=2026,
                estimate=True,
                note=f"{estimate_note}a supervisor resets and reloads one chip without restarting "
                "the host or the job: ~60 s instead of 300 s",
            ).with_range(20.0, 300.0, "from a quick reload to a full reset"),
            "memory_gb": GOOGLE_TPU_V6E,
            "max_junction_temperature_k": ASSUMED_TEMPERATURE_LIMITS,
            "junction_to_radiator_delta_k": _thermal_chain_source(tdp),
            "release_year": TRILLIUM_GA.derive(
                note="a derated TPU v6e: the same silicon, so its place on the roadmap is the "
                "TPU v6e's (2024.9)"
            ).with_range(2024.9, 2024.9, "the TPU v6e's own release: the same silicon"),
        },
    )


CATALOG: tuple[Callable[[], ComputePayload], ...] = (h100_sxm, b200, tpu_v6e, tpu_v6e_rad_derated)


@hookimpl
def register_compute_payloads(register: Callable[[ComputePayload], None]) -> None:
    """Register the built-in accelerators."""
    for build in CATALOG:
        register(build())
