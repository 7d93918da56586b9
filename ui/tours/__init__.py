"""Tours in the operator's window: saved tile tours (cameras through one tile) and view tours (views through a wall)."""
