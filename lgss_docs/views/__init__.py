"""Stage 3: compute what each paper shows from the content (derived, never retyped)."""
