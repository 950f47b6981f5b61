"""Rule-based extractors, one module per dimension: amounts, periods, projects, meta."""
