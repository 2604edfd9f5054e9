#include "gap_knapsack.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace guarantor::plan::detail {

AgentKnapsack::AgentKnapsack(bool exact_dp) : exact_dp_(exact_dp) {}

double AgentKnapsack::solve(const std::vector<KnapsackItem>& items, double capacity, std::vector<char>& chosen) {
  chosen.assign(items.size(), 0);
  capacity_ = std::max(capacity, 0.0);
  if (exact_dp_) {
    // Cells beyond the items' total weight hold the same value as that total: cap the table there.
    double total_weight = 0;
    for (const KnapsackItem& item : items) total_weight += item.weight;
    const auto cells = static_cast<std::size_t>(std::floor(std::min(capacity_, total_weight) + 1e-9)) + 1;
    // value_[c] = best profit with total weight <= c; items processed one by one, capacity
    // descending so each item is used at most once. Branch-free so the compiler can vectorise.
    value_.assign(cells, 0.0);
    take_.assign(items.size() * cells, 0);
    for (std::size_t k = 0; k < items.size(); ++k) {
      const auto weight = static_cast<std::size_t>(std::llround(items[k].weight));
      if (weight >= cells) continue;
      const double profit = items[k].profit;
      std::uint8_t* row = take_.data() + k * cells;
      double* value = value_.data();
      for (std::size_t c = cells - 1; c >= weight; --c) {
        const double with = value[c - weight] + profit;
        const bool better = with > value[c];
        row[c] = static_cast<std::uint8_t>(better);
        value[c] = better ? with : value[c];
        if (c == 0) break;
      }
    }
    std::size_t c = cells - 1;
    for (std::size_t k = items.size(); k-- > 0;) {
      if (take_[k * cells + c]) chosen[k] = 1, c -= static_cast<std::size_t>(std::llround(items[k].weight));
    }
    return value_[cells - 1];
  }
  by_ratio_ = items;
  std::vector<std::size_t> order(items.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  auto ratio = [&](std::size_t k) {
    return items[k].weight > 0 ? items[k].profit / items[k].weight : std::numeric_limits<double>::infinity();
  };
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return ratio(a) > ratio(b); });
  for (std::size_t k = 0; k < order.size(); ++k) by_ratio_[k] = items[order[k]];
  double room = capacity_;
  for (std::size_t k : order) {
    if (items[k].weight <= room) chosen[k] = 1, room -= items[k].weight;
  }
  return best_within(capacity_);
}

void AgentKnapsack::item_values(const std::vector<KnapsackItem>& items, std::vector<double>& with,
                                std::vector<double>& without, ItemValueTables& tables) const {
  const std::size_t count = items.size();
  with.assign(count, 0.0);
  without.assign(count, 0.0);
  const std::size_t cells = value_.size();
  if (!exact_dp_ || cells == 0 || (count + 1) * cells > ITEM_VALUES_TABLE_LIMIT) {
    const double optimum = best_within(capacity_);
    for (std::size_t k = 0; k < count; ++k) {
      with[k] = items[k].profit + best_within(capacity_ - items[k].weight);
      without[k] = optimum;
    }
    return;
  }
  // Row k of the prefix table: items 0..k-1. The capacity is the table's last cell (solve capped it at
  // the items' total weight, past which nothing changes).
  tables.prefix.assign((count + 1) * cells, 0.0);
  for (std::size_t k = 0; k < count; ++k) {
    const double* from = tables.prefix.data() + k * cells;
    double* to = tables.prefix.data() + (k + 1) * cells;
    const auto weight = static_cast<std::size_t>(std::llround(items[k].weight));
    for (std::size_t c = 0; c < cells; ++c) {
      to[c] = c >= weight ? std::max(from[c], from[c - weight] + items[k].profit) : from[c];
    }
  }
  // Best of prefix row (before the item) plus suffix (after it) within `room`: both tables are
  // "best within c", so every split of the room is tried.
  auto best_split = [&](const double* before, std::size_t room) {
    double best = 0;
    for (std::size_t c = 0; c <= room; ++c) best = std::max(best, before[c] + tables.suffix[room - c]);
    return best;
  };
  tables.suffix.assign(cells, 0.0);
  const std::size_t full = cells - 1;
  for (std::size_t k = count; k-- > 0;) {
    const double* before = tables.prefix.data() + k * cells;
    const auto weight = static_cast<std::size_t>(std::llround(items[k].weight));
    without[k] = best_split(before, full);
    with[k] =
        weight <= full ? items[k].profit + best_split(before, full - weight) : -std::numeric_limits<double>::infinity();
    for (std::size_t c = full; c >= weight; --c) {
      tables.suffix[c] = std::max(tables.suffix[c], tables.suffix[c - weight] + items[k].profit);
      if (c == 0) break;
    }
  }
}

double AgentKnapsack::best_within(double room) const {
  if (room < 0) return -std::numeric_limits<double>::infinity();
  if (exact_dp_) {
    // Integer weights: capacity room holds the same item sets as floor(room); cells past the
    // table's end (the items' total weight) hold its last value.
    const auto cell = std::min(static_cast<std::size_t>(std::floor(room + 1e-9)), value_.size() - 1);
    return value_[cell];
  }
  // Dantzig: fill by ratio, the first item that does not fit enters fractionally.
  double total = 0;
  for (const KnapsackItem& item : by_ratio_) {
    if (item.weight <= room) {
      total += item.profit, room -= item.weight;
    } else {
      total += item.profit * room / item.weight;
      break;
    }
  }
  return total;
}

}  // namespace guarantor::plan::detail
