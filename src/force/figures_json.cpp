#include "guarantor/force/figures_json.hpp"

namespace guarantor::force {

nlohmann::ordered_json rotation_figures_json(const ForceFigures& figures) {
  return {{"deployed_personnel", figures.deployed_personnel}, {"rotation_factor", figures.rotation_factor},
          {"required_pool", figures.required_pool},           {"pledged_personnel", figures.pledged_personnel},
          {"eligible_personnel", figures.eligible_personnel}, {"rotating_personnel", figures.rotating_personnel},
          {"pool_personnel", figures.pool_personnel},         {"shortfall", figures.shortfall}};
}

}  // namespace guarantor::force
