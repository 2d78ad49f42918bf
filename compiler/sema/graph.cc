// Iterative Tarjan SCC and cycle paths (so 10,000-deep reference chains cannot overflow the stack).
#include "compiler/sema/detail/graph.h"

#include <algorithm>
#include <deque>
#include <unordered_map>
#include <unordered_set>

namespace segc::sema::detail {
namespace {

constexpr uint32_t kUnvisited = UINT32_MAX;

struct Frame {
  uint32_t node;
  size_t next_edge;
};

class Tarjan {
 public:
  explicit Tarjan(const Graph& graph)
      : graph_(graph),
        index_(graph.size(), kUnvisited),
        low_(graph.size(), 0),
        on_stack_(graph.size(), false) {}

  std::vector<std::vector<uint32_t>> Run() {
    for (uint32_t node = 0; node < graph_.size(); ++node) {
      if (index_[node] == kUnvisited) Visit(node);
    }
    return std::move(components_);
  }

 private:
  void Enter(uint32_t node, std::vector<Frame>& frames) {
    index_[node] = low_[node] = counter_++;
    stack_.push_back(node);
    on_stack_[node] = true;
    frames.push_back({node, 0});
  }

  void Visit(uint32_t root) {
    std::vector<Frame> frames;
    Enter(root, frames);
    while (!frames.empty()) {
      Frame& frame = frames.back();
      const std::vector<uint32_t>& edges = graph_[frame.node];
      if (frame.next_edge < edges.size()) {
        uint32_t next = edges[frame.next_edge++];
        if (index_[next] == kUnvisited) {
          Enter(next, frames);
        } else if (on_stack_[next]) {
          low_[frame.node] = std::min(low_[frame.node], index_[next]);
        }
        continue;
      }
      uint32_t node = frame.node;
      frames.pop_back();
      if (!frames.empty())
        low_[frames.back().node] = std::min(low_[frames.back().node], low_[node]);
      if (low_[node] == index_[node]) PopComponent(node);
    }
  }

  void PopComponent(uint32_t root) {
    std::vector<uint32_t> component;
    uint32_t node;
    do {
      node = stack_.back();
      stack_.pop_back();
      on_stack_[node] = false;
      component.push_back(node);
    } while (node != root);
    std::sort(component.begin(), component.end());
    components_.push_back(std::move(component));
  }

  const Graph& graph_;
  std::vector<uint32_t> index_, low_;
  std::vector<bool> on_stack_;
  std::vector<uint32_t> stack_;
  uint32_t counter_ = 0;
  std::vector<std::vector<uint32_t>> components_;
};

}  // namespace

std::vector<std::vector<uint32_t>> StronglyConnected(const Graph& graph) {
  return Tarjan(graph).Run();
}

bool IsCycle(const Graph& graph, const std::vector<uint32_t>& component) {
  if (component.size() > 1) return true;
  const std::vector<uint32_t>& edges = graph[component[0]];
  return std::find(edges.begin(), edges.end(), component[0]) != edges.end();
}

std::vector<uint32_t> CyclePath(const Graph& graph, const std::vector<uint32_t>& component,
                                uint32_t start) {
  std::unordered_set<uint32_t> inside(component.begin(), component.end());
  std::unordered_map<uint32_t, uint32_t> parent;
  std::deque<uint32_t> queue{start};
  while (!queue.empty()) {
    uint32_t node = queue.front();
    queue.pop_front();
    for (uint32_t next : graph[node]) {
      if (!inside.contains(next)) continue;
      if (next == start) {
        std::vector<uint32_t> path{start};
        for (uint32_t at = node; at != start; at = parent[at]) path.push_back(at);
        std::reverse(path.begin() + 1, path.end());
        path.push_back(start);
        return path;
      }
      if (parent.emplace(next, node).second) queue.push_back(next);
    }
  }
  return {start, start};
}

}  // namespace segc::sema::detail
