"""Publishing: turn the notebooks into executed notebooks, figures, an offline HTML site and the
README's generated blocks.

One way only: :mod:`~parstats.publishing.build` (cache, execution, write-back) uses
:mod:`~parstats.publishing.site` (rendering) and :mod:`~parstats.publishing.docs` (README
blocks); both use :mod:`~parstats.publishing.notebooks` (notebook files, digests) and
:mod:`~parstats.publishing.project` (folders, manifest); :mod:`~parstats.publishing.execute`
runs notebooks in kernels. Nothing here is imported by the analysis, the audit or the data.
"""
