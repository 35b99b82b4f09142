"""Built-in skyrack plugin: orbits."""
