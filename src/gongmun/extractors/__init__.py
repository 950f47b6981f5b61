"""Rule-based extractors, one module per dimension: amounts, periods, projects, meta.

Named ``extractors`` (not ``extract``) so that ``gongmun.extract``, the function, does
not hide the package.
"""
