"""Hypothesis profiles: ``ci`` is derandomized with enough examples to matter;
``dev`` is the quick default; ``mutation`` is for mutation runs (derandomized, so
each mutant meets the same examples, and 25 a property: a mutant is killed by its
first failing example, a survivor runs them all). CI sets ``CI=true``; override
with HYPOTHESIS_PROFILE."""

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    derandomize=True,
    max_examples=400,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile(
    "mutation",
    derandomize=True,
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev")
)
