"""contactguard's detector: finds contact information in chat messages.

Pure Python, so the same code runs on the server (CPython) and in the browser (Pyodide).

    from engine import RuleSet, Detector
    detector = Detector(RuleSet.default())
    verdict = detector.scan("call me on +44 20 7946 0958", history=[], state="inquiry")
"""

from engine.detector import Detector
from engine.policy import ACTIONS, CATEGORIES, STATES, strictest
from engine.rules import RuleSet, RuleSetError
from engine.verdict import Finding, Verdict

__version__ = "0.1.0"

__all__ = [
    "ACTIONS",
    "CATEGORIES",
    "STATES",
    "Detector",
    "Finding",
    "RuleSet",
    "RuleSetError",
    "Verdict",
    "__version__",
    "strictest",
]
