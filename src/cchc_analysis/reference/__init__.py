"""Reference data at the bottom of the house: periods and eras, the 63 and 34 provinces and
the 2025 merger, the indicator catalogue, interface text. Imports no other wing."""
