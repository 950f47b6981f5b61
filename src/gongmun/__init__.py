"""gongmun (공문): Korean government documents into validated, traceable records.

>>> import gongmun
>>> doc = gongmun.extract_text("2028년까지 4년간 6개 과제에 총 600억원 지원 예정")
>>> doc.schema_version
'1'
"""

from gongmun.batch import extract_many
from gongmun.errors import GongmunError, InputError
from gongmun.models import Amount, Document, Failure, Period, Project, Span, TimePoint
from gongmun.normalize import Normalized, normalize
from gongmun.pipeline import extract, extract_bytes, extract_text
from gongmun.versions import VERSION

__version__ = VERSION

__all__ = [
    "Amount",
    "Document",
    "Failure",
    "GongmunError",
    "InputError",
    "Normalized",
    "Period",
    "Project",
    "Span",
    "TimePoint",
    "__version__",
    "extract",
    "extract_bytes",
    "extract_many",
    "extract_text",
    "normalize",
]
