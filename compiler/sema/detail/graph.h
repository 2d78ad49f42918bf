// Private: strongly connected components and cycle paths over small adjacency-list graphs.
#pragma once

#include <cstdint>
#include <vector>

namespace segc::sema::detail {

using Graph = std::vector<std::vector<uint32_t>>;  // node → the nodes it depends on

/// Tarjan's algorithm without recursion. Components come out dependencies first (a component
/// appears after every component it has an edge to); nodes are visited in index order.
std::vector<std::vector<uint32_t>> StronglyConnected(const Graph& graph);

/// True if the component is a cycle: several nodes, or one node with an edge to itself.
bool IsCycle(const Graph& graph, const std::vector<uint32_t>& component);

/// A cycle through `start` inside `component`: start, ..., start (shortest by BFS).
std::vector<uint32_t> CyclePath(const Graph& graph, const std::vector<uint32_t>& component,
                                uint32_t start);

}  // namespace segc::sema::detail
