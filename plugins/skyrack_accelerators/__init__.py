"""Built-in skyrack plugin: accelerators."""
