#include "floe/taxonomy.h"

#include <algorithm>

namespace floe {
namespace {

template <typename Map, typename Key>
auto lookup(const Map& map, const Key& key) -> std::optional<typename Map::mapped_type> {
  const auto it = map.find(key);
  if (it == map.end()) return std::nullopt;
  return it->second;
}

}  // namespace

std::optional<OccupationId> Taxonomy::find_occupation(std::string_view soc_code) const {
  return lookup(occupation_index, std::string(soc_code));
}

std::optional<OnetOccupationId> Taxonomy::find_onet(std::string_view onet_code) const {
  return lookup(onet_index, std::string(onet_code));
}

std::optional<TaskId> Taxonomy::find_task(std::int32_t onet_task_id) const {
  return lookup(task_index, onet_task_id);
}

std::optional<DwaId> Taxonomy::find_dwa(std::string_view dwa_id) const {
  return lookup(dwa_index, std::string(dwa_id));
}

std::optional<ClusterId> Taxonomy::find_cluster(std::string_view name) const {
  const auto it = std::find_if(clusters.begin(), clusters.end(),
                               [&](const OccupationCluster& c) { return c.name == name; });
  if (it == clusters.end()) return std::nullopt;
  return ClusterId(static_cast<std::size_t>(it - clusters.begin()));
}

std::optional<MajorGroupId> Taxonomy::find_major_group(std::string_view soc_code) const {
  const auto it = std::find_if(major_groups.begin(), major_groups.end(),
                               [&](const MajorGroup& g) { return g.soc_code == soc_code; });
  if (it == major_groups.end()) return std::nullopt;
  return MajorGroupId(static_cast<std::size_t>(it - major_groups.begin()));
}

}  // namespace floe
