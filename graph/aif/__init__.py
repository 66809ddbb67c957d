"""The Argument Interchange Format (AIF): claimgraph's graphs out to AIF JSON, and AIF analyses in as claim records.

:mod:`.table` declares how our kinds and relations map onto AIF's nodes and
schemes; :mod:`.write` writes a graph as AIF; :mod:`.read` turns an AIF
analysis (from AIFdb, OVA or claimgraph) into claim records.
"""

from .read import AifImport, import_aif, read_aif
from .write import aif_data, to_aif

__all__ = ["AifImport", "aif_data", "import_aif", "read_aif", "to_aif"]
