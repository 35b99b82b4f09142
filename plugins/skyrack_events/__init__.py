"""Built-in skyrack plugin: events."""
