"""Fleet simulation: Mesa agents fly a design's fleet day by day, with policies and events.

Mesa's layout: :mod:`~skyrack.simulation.model` (``FleetModel``), :mod:`~skyrack.simulation.
agents` (factory, launch providers, satellite cohorts, operator, events) and
:mod:`~skyrack.simulation.app` (the live view), with the satellites' arrays in
:mod:`~skyrack.simulation.ledger`. The protocol a policy or event implements is
:mod:`~skyrack.simulation.protocol`.
"""

VIZ_STUDY_VARIABLE = "SKYRACK_VIZ_STUDY"
"""Environment variable naming the study whose fleet the live view (``app.py``) shows; set by
``skyrack viz`` before Solara imports the app."""
