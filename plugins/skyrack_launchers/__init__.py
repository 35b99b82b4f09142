"""Built-in skyrack plugin: launchers."""
