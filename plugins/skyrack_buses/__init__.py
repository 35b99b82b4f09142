"""Built-in skyrack plugin: buses."""
