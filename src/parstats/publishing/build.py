"""``parstats build``: execute every notebook (parallel, cached) and render the offline site.

The build runs in four steps:

1. validate the curated data (``parstats.data.validate_all``), skipped when neither the data nor
   the package changed since the last successful validation;
2. execute each ``notebooks/*.ipynb`` whose inputs changed, each in a new kernel
   (:mod:`parstats.publishing.execute`; ``--jobs`` at once, default one per core);
3. write an executed notebook back (atomically) only when its code cells or outputs changed;
4. render the HTML site (:mod:`parstats.publishing.site`) into a temporary folder and swap it
   in only when every notebook succeeded and the pages differ from the ones on disk, and bring
   the README's generated blocks (codebook, gallery) up to date.

Caching. A notebook's inputs are its code cells, the parstats sources (``src/parstats/**``), the
installed package versions, and the data files it reads. The data files are observed, not
guessed: while a notebook runs, an audit hook in its kernel records every file it opens under
``data/`` (a notebook that lists a data folder depends on all of ``data/``). The manifest in
``.parstats-cache/manifest.json`` keeps, per notebook, the hash of each input, the executed
notebook itself and the hashes of the figures it wrote; a notebook runs again only when one of
those changed, when a figure it wrote is missing or altered, or with ``--force``.

The build depends on the site, never the reverse: the site renders what it is given.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from parstats.files import write_atomic
from parstats.publishing import docs, site as site_module
from parstats.publishing.execute import CELL_TIMEOUT, NotebookResult, first_line, run_all
from parstats.publishing.project import Manifest, Project
from parstats.publishing.notebooks import (
    BuildError,
    canonical_state,
    code_digest,
    environment_digest,
    file_digest,
    find_notebooks,
    merge_outputs,
    notebook_text,
    restore_dir,
    snapshot_dir,
    tree_digest,
)


@dataclass
class BuildResult:
    """Outcome of :func:`build`."""

    notebooks: list[NotebookResult] = field(default_factory=list)
    site: str = "skipped"  # "updated", "unchanged", "skipped", "not rendered (failures)"
    seconds: float = 0.0

    @property
    def failed(self) -> list[NotebookResult]:
        return [r for r in self.notebooks if r.status == "failed"]

    def count(self, status: str) -> int:
        return sum(r.status == status for r in self.notebooks)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0

    def summary(self) -> str:
        return (
            f"build: {self.count('executed')} executed, {self.count('cached')} cached, "
            f"{self.count('failed')} failed in {self.seconds:.1f} s; site {self.site}"
        )


def _data_fingerprint(project: Project, deps: dict) -> dict:
    """Current hashes of a notebook's recorded data dependencies."""
    if deps.get("all"):
        return {"all": tree_digest(project.data_dir)}
    return {rel: file_digest(project.root / rel) for rel in deps.get("files", [])}


def _cache_entry_valid(project: Project, entry: dict, code: str, src: str, env: str) -> bool:
    if not entry or entry.get("code") != code or entry.get("src") != src or entry.get("env") != env:
        return False
    if entry.get("data") != _data_fingerprint(project, entry.get("deps", {"all": True})):
        return False
    for rel, digest in entry.get("outputs", {}).items():
        if file_digest(project.root / rel) != digest:
            return False
    return True


def _deps_from_trace(project: Project, trace: dict) -> tuple[dict, dict]:
    data_root = project.data_dir.resolve()
    under = lambda p: Path(p) == data_root or data_root in Path(p).parents  # noqa: E731
    listed = [p for p in trace["listed"] if under(p)]
    files = sorted({project.rel(p) for p in trace["reads"] if under(p) and not Path(p).is_dir()})
    deps = {"all": True} if listed else {"files": files}
    figures_root = project.figures_dir.resolve()
    outputs = {}
    for p in trace["writes"]:
        path = Path(p)
        if figures_root in path.parents and path.is_file() and not path.name.startswith("."):
            outputs[project.rel(path)] = file_digest(path)
    return deps, dict(sorted(outputs.items()))


class _Progress:
    """One line per event on stderr; a tqdm bar only when stderr is a terminal."""

    def __init__(self, total: int, stream=None, quiet: bool = False):
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.bar = None
        if not quiet and total and getattr(self.stream, "isatty", lambda: False)():
            from tqdm import tqdm

            self.bar = tqdm(total=total, file=self.stream, leave=False, unit="nb", dynamic_ncols=True)

    def line(self, text: str) -> None:
        if self.quiet:
            return
        if self.bar is not None:
            self.bar.write(text, file=self.stream)
        else:
            print(text, file=self.stream, flush=True)

    def advance(self) -> None:
        if self.bar is not None:
            self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def validate_data(project: Project, manifest: Manifest, src: str, env: str, progress: _Progress) -> None:
    """Run ``parstats.data.validate_all(data_dir=...)`` unless the same data already validated.

    Raises
    ------
    BuildError
        When validation fails (the message is the validator's, naming file, row and column).
    """
    key = hashlib.sha256(f"{tree_digest(project.data_dir)}|{src}|{env}".encode()).hexdigest()
    if manifest.validated == key:
        progress.line("[data ] unchanged since the last validation")
        return
    from parstats.data import validate_all  # here: a no-op build need not import it

    t0 = time.perf_counter()
    try:
        summary = validate_all(data_dir=project.data_dir)
    except ValueError as exc:
        raise BuildError(f"data validation failed: {exc}") from exc
    manifest.validated = key
    manifest.save()
    rows = getattr(summary, "rows", None)
    counted = f"{len(rows)} tables, {sum(rows.values())} rows " if isinstance(rows, dict) else ""
    progress.line(f"[data ] {counted}valid ({time.perf_counter() - t0:.1f} s)")


def build(
    project: Project | None = None,
    *,
    jobs: int | None = None,
    force: bool = False,
    site: bool = True,
    validate: bool = True,
    timeout: int = CELL_TIMEOUT,
    stream=None,
    quiet: bool = False,
) -> BuildResult:
    """Execute the project's notebooks as needed and render the site.

    Parameters
    ----------
    project : Project, optional
        Folders to use (default ``Project.at()``, i.e. ``parstats.paths``).
    jobs : int, optional
        Number of notebooks run at once (default: one per available core).
    force : bool
        Re-execute every notebook, ignoring the cache.
    site : bool
        Render ``site/`` after a successful execution.
    validate : bool
        Validate the curated data first.
    timeout : int
        Seconds allowed per cell.
    stream : file, optional
        Where progress lines go (default stderr).
    quiet : bool
        Print nothing.

    Returns
    -------
    BuildResult
        Per-notebook results; ``exit_code`` is 1 when a notebook failed.

    Raises
    ------
    BuildError
        When the data are invalid, a notebook cannot be read, or there is no notebook.

    Examples
    --------
    >>> import tempfile
    >>> build(Project.at(Path(tempfile.mkdtemp())), quiet=True)
    Traceback (most recent call last):
    ...
    parstats.publishing.notebooks.BuildError: no notebook found in notebooks/
    """
    t_start = time.perf_counter()
    project = project or Project.at()
    notebooks = find_notebooks(project.notebooks_dir)
    if not notebooks:
        raise BuildError(f"no notebook found in {project.rel(project.notebooks_dir)}/")
    jobs = max(1, int(jobs or _cpu_count()))
    progress = _Progress(len(notebooks), stream=stream, quiet=quiet)
    result = BuildResult()
    pages_pool = None
    try:
        manifest = Manifest(project)
        src = tree_digest(project.src_dir)
        env = environment_digest()
        if validate:
            validate_data(project, manifest, src, env, progress)

        # plain JSON here: importing nbformat costs most of a no-op build
        current, todo = {}, []
        for path in notebooks:
            try:
                nb = json.loads(path.read_bytes())
                nb["cells"]
            except (ValueError, KeyError, TypeError) as exc:
                raise BuildError(f"{project.rel(path)}: cannot be read as a notebook: {exc}") from exc
            current[path.name] = nb
            entry = manifest.notebooks.get(path.name)
            code = code_digest(nb)
            if (
                not force
                and _cache_entry_valid(project, entry, code, src, env)
                and manifest.executed_path(path.name).is_file()
            ):
                result.notebooks.append(NotebookResult(path.name, "cached"))
                progress.line(f"[cache] {path.name}")
                progress.advance()
            else:
                todo.append((path, nb, code))

        executed: dict = {}
        bodies: dict = {}
        figures_before = snapshot_dir(project.figures_dir) if todo else None
        if todo:
            import nbformat

            try:
                todo = [(path, nbformat.read(path, as_version=4), code) for path, _nb, code in todo]
                for path, nb, _ in todo:
                    nbformat.validate(nb)
            except Exception as exc:  # noqa: BLE001 - name the file whatever the validator says
                raise BuildError(f"{project.rel(path)}: not a valid notebook: {first_line(exc)}") from exc
            # longest first (as last recorded) so that workers finish together
            todo.sort(key=lambda t: -manifest.notebooks.get(t[0].name, {}).get("seconds", 0.0))
            if site:
                # render each page as soon as its notebook is done, on a core the kernels leave idle
                from concurrent.futures import ThreadPoolExecutor

                pages_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="parstats-page")

                def on_success(path, before, ran):
                    bodies[path.name] = pages_pool.submit(_page_body, before, ran)
            outcomes = run_all(todo, root=project.root, watch=[project.data_dir, project.figures_dir],
                               log=project.cache_dir / "kernels.log", workers=jobs, timeout=timeout,
                               progress=progress, on_success=on_success if site else None)
            for (path, nb, code), outcome in zip(todo, outcomes):
                if isinstance(outcome, NotebookResult):
                    result.notebooks.append(outcome)
                    continue
                executed_nb, trace, seconds = outcome
                deps, outputs = _deps_from_trace(project, trace)
                write_atomic(manifest.executed_path(path.name), notebook_text(executed_nb).encode("utf-8"))
                manifest.notebooks[path.name] = {
                    "code": code,
                    "src": src,
                    "env": env,
                    "deps": deps,
                    "data": _data_fingerprint(project, deps),
                    "outputs": outputs,
                    "seconds": round(seconds, 1),
                }
                executed[path.name] = executed_nb
                result.notebooks.append(NotebookResult(path.name, "executed", seconds))
        order = {p.name: i for i, p in enumerate(notebooks)}
        result.notebooks.sort(key=lambda r: order[r.name])

        if result.failed:
            manifest.save()
            for r in result.failed:
                progress.line(f"FAILED {project.rel(project.notebooks_dir / r.name)}: {r.failure or r.message}")
            restored = restore_dir(project.figures_dir, figures_before) if figures_before is not None else 0
            progress.line("notebooks/, figures/ and site/ left untouched"
                          + (f" ({restored} figure file(s) a failed run had written were restored)" if restored else ""))
            result.site = "not rendered (failures)"
            return result

        # every notebook ran: write back those whose code outputs changed
        for r in result.notebooks:
            path = project.notebooks_dir / r.name
            entry = manifest.notebooks[r.name]
            on_disk = file_digest(path)
            if r.status == "cached" and entry.get("notebook") == on_disk:
                continue  # exactly the file the last build left: nothing to merge
            import nbformat

            ran = executed.get(r.name) or nbformat.read(manifest.executed_path(r.name), as_version=4)
            now = nbformat.read(path, as_version=4)
            merged = merge_outputs(now, ran)
            if canonical_state(merged) != canonical_state(now):
                r.written = write_atomic(path, notebook_text(merged).encode("utf-8"))
                if r.written:
                    progress.line(f"[write] {project.rel(path)}")
            entry["notebook"] = file_digest(path)
        manifest.save()

        if site:
            key = site_module.site_digest(project, src, env)
            index = project.site_dir / "index.html"
            if manifest.site == key and index.is_file() and site_module.site_intact(project, manifest):
                result.site = "unchanged"
            else:
                t0 = time.perf_counter()
                try:
                    ready = {name: future.result() for name, future in bodies.items()}
                    changed, files = site_module.render_site(project, jobs=jobs, bodies=ready)
                except (OSError, RuntimeError, ValueError) as exc:
                    result.site = "not rendered (error)"
                    raise BuildError(f"rendering site/ failed (previous site left untouched): {exc}") from exc
                manifest.site = key
                manifest.site_files = files
                manifest.save()
                result.site = f"{'updated' if changed else 'unchanged'} ({time.perf_counter() - t0:.1f} s)"
            readme = project.root / "README.md"
            if not readme.is_file():
                progress.line("[readme] no README.md in the project: no generated blocks to update")
            elif docs.update_readme(readme, project.notebooks_dir, project.data_dir):
                progress.line("[write] README.md (codebook and gallery)")
        return result
    finally:
        if pages_pool is not None:
            pages_pool.shutdown(wait=True, cancel_futures=True)
        progress.close()
        result.seconds = time.perf_counter() - t_start
        if result.notebooks or result.site != "skipped":
            progress.line(result.summary())


def _page_body(before, executed) -> str:
    """The site page body of a notebook as it will be on disk once its outputs are merged."""
    merged = merge_outputs(before, executed)
    return site_module.render_notebook_body(merged if canonical_state(merged) != canonical_state(before) else before)


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


# ----------------------------------------------------------------------------- CLI


def add_arguments(parser) -> None:
    """Add ``parstats build``'s options to ``parser``.

    Examples
    --------
    >>> import argparse
    >>> p = argparse.ArgumentParser()
    >>> add_arguments(p)
    >>> p.parse_args(["--jobs", "2", "--force"]).jobs
    2
    """
    parser.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                        help="notebooks executed at once (default: one per core)")
    parser.add_argument("--force", action="store_true", help="re-execute every notebook, ignoring the cache")
    parser.add_argument("--no-site", dest="site", action="store_false", help="do not render site/")
    parser.add_argument("--no-validate", dest="validate", action="store_false",
                        help="skip the data validation that runs before the notebooks")
    parser.add_argument("--timeout", type=int, default=CELL_TIMEOUT, metavar="S", help="seconds allowed per cell")


def _skip_slow_optional_imports() -> None:
    """Mark ``rfc3987_syntax`` absent in this (command-line) process.

    jsonschema, imported by nbformat, loads this optional package to check "iri" string
    formats, which the notebook schema never uses; loading it compiles a grammar and costs
    about 0.7 s, most of a no-op build. Only the ``parstats build`` process is affected.
    """
    if "jsonschema" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)


def run(args) -> int:
    """Run ``parstats build`` with parsed ``args``; return the exit code.

    Raises
    ------
    SystemExit
        Never; errors are printed and give exit code 1 (2 for a build that cannot start).
    """
    _skip_slow_optional_imports()
    try:
        result = build(
            jobs=args.jobs, force=args.force, site=args.site, validate=getattr(args, "validate", True),
            timeout=getattr(args, "timeout", CELL_TIMEOUT),
        )
    except BuildError as exc:
        print(f"parstats build: {exc}", file=sys.stderr)
        return 2
    if result.failed:
        print(
            "parstats build: failed: "
            + "; ".join(f"notebooks/{r.name} {r.failure or r.message}" for r in result.failed),
            file=sys.stderr,
        )
    return result.exit_code


def main(argv: list[str] | None = None) -> int:
    """``python -m parstats.publishing.build``: the same as ``parstats build``."""
    import argparse

    parser = argparse.ArgumentParser(prog="parstats build", description=__doc__.splitlines()[0])
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
