"""skyrack core."""
