"""Built-in skyrack plugin: reference_models."""
