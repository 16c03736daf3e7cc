"""Contract-faithful local simulators of the services CallScript talks to, served over HTTP on 127.0.0.1, and
the synthetic call recordings they serve. For the demo and the tests: the product never imports this package,
and production installs leave it out (`pip install -e '.[demo]'` or `'.[test]'` brings it)."""
