"""Exploring a design: sweeps, sensitivity and uncertainty, all through the batch evaluator.

* :mod:`skyrack.explore.sweep`: 1-D curves and 2-D maps of any parameters
  (``KEY=LOW:HIGH[:N][:log]``), with the breakeven (orbit = ground) and infeasible regions;
* :mod:`skyrack.explore.sensitivity`: a tornado (one input at a time over its plausible range)
  and variance-based Sobol indices (SALib) with bootstrap confidence intervals;
* :mod:`skyrack.explore.uncertainty`: Monte Carlo over the uncertain inputs: P10/P50/P90 of
  every metric and the probability that orbit beats the ground;
* :mod:`skyrack.explore.compare`: several studies side by side.

Every function takes a :class:`~skyrack.design.Design` (``study.design``) and evaluates its
designs in batches of numpy arrays, never one Python call per design.
"""
