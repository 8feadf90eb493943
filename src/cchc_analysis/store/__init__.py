"""Storage at the bottom of the house: atomic writes, hashes, provenance sidecars.
Imports no other wing."""
