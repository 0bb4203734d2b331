#!/usr/bin/env python3
"""Read a dyad GraphML export with networkx (the reader of the field): it must load, with
states as nodes and events as edges carrying kind, date and Goldstein weight.

    python3 scripts/check-graphml.py FILE.graphml
"""
import sys

import networkx as nx

graph = nx.read_graphml(sys.argv[1])
assert graph.number_of_nodes() >= 2, "no states"
assert graph.number_of_edges() >= 10, "no events"
for _, _, data in graph.edges(data=True):
    assert "kind" in data and "goldstein" in data, data
    assert isinstance(data["goldstein"], float), data
print(f"networkx read {graph.number_of_nodes()} states and {graph.number_of_edges()} events")
