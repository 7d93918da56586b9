"""Camera tree: groups (district → place) with search-as-you-type, for up to tens of thousands of cameras."""
