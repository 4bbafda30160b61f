"""The demo network (``tissage demo``): deterministic, realistic, and written through the domain functions.

Data tables: ``names`` (people's names by hub), ``network`` (hubs, organisations, venues, festivals,
editions), ``programmes`` (programmes, their sessions and cohorts), ``people`` (skills, named
people, the generator of everyone else), ``activities`` (texts by kind and the timetable planner).
``plan`` draws the whole network up in memory from one seed; ``build`` writes it.
"""
