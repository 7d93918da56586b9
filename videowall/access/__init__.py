"""Who may do what: users with roles and camera groups, logging in, and the permission checks of the core."""
