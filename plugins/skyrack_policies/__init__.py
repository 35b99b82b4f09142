"""Built-in skyrack plugin: policies."""
