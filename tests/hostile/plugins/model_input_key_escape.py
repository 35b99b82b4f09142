# expect: a model input key is 1 to 60 lowercase letters
"""Hostile plugin fixture: model input key escape."""

from skyrack import ModelInput, ReferenceModel, Source, hookimpl


@hookimpl
def register_reference_models(register):
    source = Source(title="hostile corpus", year=2026)
    register(
        ReferenceModel(
            name="hostile-model",
            inputs=(ModelInput(key="x\x1b[31m", default=1.0, unit="1", doc="d", source=source),),
            compute=lambda values: {"y": 1.0},
        )
    )
