"""Read every quantity in Chinese prose."""
