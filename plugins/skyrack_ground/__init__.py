"""Built-in skyrack plugin: ground."""
