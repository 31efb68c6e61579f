"""The build reproduces the notebooks and figures on disk byte for byte.

Uses the test run's one build of the project (``project_build`` in ``conftest.py``): a build
whose cache is valid executes nothing; one that executes a notebook (its code, the data, the
package or an installed version changed since the last build) must leave ``notebooks/`` and
``figures/`` exactly as they were. CI proves it on a clean clone, where ``make report``
executes every notebook and ``.ci/run`` then checks that no committed file changed.
"""
from __future__ import annotations


def test_the_build_succeeds_and_renders_the_site(project_build):
    project, result, _ = project_build
    assert result.exit_code == 0, [f"{r.name}: {r.failure or r.message}" for r in result.failed]
    assert len(result.notebooks) == len(list(project.notebooks_dir.glob("*.ipynb")))
    assert (project.site_dir / "index.html").is_file()


def test_the_build_changes_no_byte_of_notebooks_and_figures(project_build):
    _, result, changed = project_build
    ran = [r.name for r in result.notebooks if r.status == "executed"]
    assert changed == [], (f"the build (which executed {ran or 'nothing'}) changed {changed}: the outputs on "
                           "disk do not reproduce; if the change is intended, commit the new outputs")
