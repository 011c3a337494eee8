"""The built-in templates and stylesheets, shipped inside the package as lgss_docs.templates."""
