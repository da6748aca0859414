#include "taxonomy/build.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "floe/error.h"

namespace floe::taxonomy {
namespace {

static_assert(static_cast<int>(data::TaskType::kCore) == static_cast<int>(TaskType::kCore) &&
                  static_cast<int>(data::TaskType::kSupplemental) ==
                      static_cast<int>(TaskType::kSupplemental) &&
                  static_cast<int>(data::TaskType::kUnrated) ==
                      static_cast<int>(TaskType::kUnrated),
              "the reader's task types map one to one onto the taxonomy's");

// SOC 2018 code arithmetic: "15-1252" -> major "15-0000", minor "15-1200", broad "15-1250".
std::string major_of(const std::string& soc) { return soc.substr(0, 3) + "0000"; }
std::string minor_of(const std::string& soc) { return soc.substr(0, 5) + "00"; }
std::string broad_of(const std::string& soc) { return soc.substr(0, 6) + "0"; }

[[noreturn]] void unknown(const std::string& file, std::size_t line, const std::string& field,
                          const std::string& what, const std::string& code) {
  throw DataError(file, line, field, "unknown " + what + " '" + code + "'");
}

void add_occupations(const data::OewsTable& oews, Taxonomy& t) {
  for (const auto& row : oews.rows) {
    if (row.group != data::OewsGroup::kMajor) continue;
    t.major_groups.push_back({row.occ_code, row.occ_title});
  }
  for (const auto& row : oews.rows) {
    if (row.group != data::OewsGroup::kDetailed) continue;
    Occupation o;
    o.soc_code = row.occ_code;
    o.title = row.occ_title;
    o.broad_code = broad_of(row.occ_code);
    o.minor_code = minor_of(row.occ_code);
    const auto major =
        std::find_if(t.major_groups.begin(), t.major_groups.end(),
                     [&](const MajorGroup& g) { return g.soc_code == major_of(row.occ_code); });
    if (major == t.major_groups.end()) {
      throw DataError(oews.file, row.line, "OCC_CODE",
                      "no major group row (" + major_of(row.occ_code) + ") for " + row.occ_code);
    }
    o.major = MajorGroupId(static_cast<std::size_t>(major - t.major_groups.begin()));
    t.occupation_index.emplace(o.soc_code, OccupationId(t.occupations.size()));
    t.occupations.push_back(std::move(o));
  }
  if (t.occupations.empty()) {
    throw DataError(oews.file, 0, "O_GROUP", "no detailed occupations in the file");
  }
}

// The OEWS occupation an O*NET occupation is counted in (see taxonomy.h for the order).
OccupationId oews_home(const Taxonomy& t, const std::string& onet_code,
                       const std::unordered_map<std::string, std::string>& nem) {
  if (auto it = nem.find(onet_code); it != nem.end()) {
    if (auto id = t.find_occupation(it->second)) return *id;
  }
  const std::string soc = onet_code.substr(0, 7);
  if (auto id = t.find_occupation(soc)) return *id;
  if (auto id = t.find_occupation(broad_of(soc))) return *id;
  return OccupationId();
}

void add_onet(const Inputs& in, Taxonomy& t) {
  std::unordered_map<std::string, std::string> nem;
  for (const auto& row : in.onet_to_soc) nem.emplace(row.onet_code, row.soc_code);
  for (const auto& row : in.onet_occupations) {
    const OnetOccupationId id(t.onet_occupations.size());
    OnetOccupation o{row.code, row.title, oews_home(t, row.code, nem), 0};
    if (o.occupation.valid()) t.occupations[o.occupation.index()].onet.push_back(id);
    t.onet_index.emplace(o.code, id);
    t.onet_occupations.push_back(std::move(o));
  }
  for (const auto& row : in.job_zones) {
    const auto id = t.find_onet(row.occupation);
    if (!id)
      unknown(in.job_zones_file, row.line, "O*NET-SOC Code", "O*NET-SOC code", row.occupation);
    t.onet_occupations[id->index()].job_zone = row.zone;
  }
}

void add_tasks_and_dwas(const Inputs& in, Taxonomy& t) {
  for (const auto& row : in.tasks) {
    const auto onet = t.find_onet(row.occupation);
    if (!onet) unknown(in.tasks_file, row.line, "O*NET-SOC Code", "O*NET-SOC code", row.occupation);
    t.task_index.emplace(row.task_id, TaskId(t.tasks.size()));
    t.tasks.push_back({row.task_id, *onet, static_cast<TaskType>(row.type), row.statement});
  }
  for (const auto& row : in.dwas) {
    t.dwa_index.emplace(row.dwa_id, DwaId(t.dwas.size()));
    t.dwas.push_back({row.dwa_id, row.iwa_id, row.title});
  }
  std::vector<std::vector<DwaId>> by_task(t.tasks.size());
  std::vector<std::vector<TaskId>> by_dwa(t.dwas.size());
  for (const auto& row : in.task_dwas) {
    const auto task = t.find_task(row.task_id);
    if (!task) {
      unknown(in.task_dwas_file, row.line, "Task ID", "task ID", std::to_string(row.task_id));
    }
    const auto dwa = t.find_dwa(row.dwa_id);
    if (!dwa) unknown(in.task_dwas_file, row.line, "DWA ID", "DWA ID", row.dwa_id);
    by_task[task->index()].push_back(*dwa);
    by_dwa[dwa->index()].push_back(*task);
  }
  for (const auto& dwas : by_task) t.task_dwas.add_row(dwas);
  for (const auto& tasks : by_dwa) t.dwa_tasks.add_row(tasks);
}

void add_occupation_tasks(const Inputs& in, Taxonomy& t) {
  std::vector<std::vector<TaskId>> tasks_of_onet(t.onet_occupations.size());
  for (std::size_t i = 0; i < t.tasks.size(); ++i) {
    tasks_of_onet[t.tasks[i].onet_occupation.index()].push_back(TaskId(i));
  }
  std::vector<std::vector<TaskId>> own(t.occupations.size());
  for (std::size_t o = 0; o < t.occupations.size(); ++o) {
    for (OnetOccupationId onet : t.occupations[o].onet) {
      const auto& tasks = tasks_of_onet[onet.index()];
      own[o].insert(own[o].end(), tasks.begin(), tasks.end());
    }
    if (!own[o].empty()) t.occupations[o].task_source = TaskSource::kOnet;
  }
  // "All Other" occupations: the pooled tasks of their broad group's (else minor group's)
  // occupations that have tasks of their own (docs/method.md, section 2).
  auto siblings_tasks = [&](std::size_t o, auto group_of) {
    std::vector<TaskId> pooled;
    for (std::size_t s = 0; s < t.occupations.size(); ++s) {
      if (s == o || own[s].empty()) continue;
      if (group_of(t.occupations[s]) != group_of(t.occupations[o])) continue;
      pooled.insert(pooled.end(), own[s].begin(), own[s].end());
    }
    return pooled;
  };
  for (std::size_t o = 0; o < t.occupations.size(); ++o) {
    std::vector<TaskId> tasks = own[o];
    if (tasks.empty() && in.impute_all_other) {
      tasks = siblings_tasks(o, [](const Occupation& x) { return x.broad_code; });
      if (tasks.empty())
        tasks = siblings_tasks(o, [](const Occupation& x) { return x.minor_code; });
      if (!tasks.empty()) t.occupations[o].task_source = TaskSource::kImputed;
    }
    t.occupation_tasks.add_row(tasks);
  }
}

void add_clusters(const Inputs& in, Taxonomy& t) {
  std::set<std::string> names;
  for (const auto& row : in.occupation_clusters) names.insert(row.industry_group);
  for (const auto& name : names) t.clusters.push_back({name});
  // Each row of the map attributes an equal part of its OEWS occupation to a cluster. The map
  // lists O*NET codes, and OEWS aggregates written as "<code>.00" (e.g. 13-1020.00).
  std::vector<std::map<std::uint32_t, double>> parts(t.occupations.size());
  for (const auto& row : in.occupation_clusters) {
    OccupationId home;
    if (auto onet = t.find_onet(row.onet_code)) {
      home = t[*onet].occupation;
    } else if (auto occ = t.find_occupation(row.onet_code.substr(0, 7));
               occ && row.onet_code.substr(7) == ".00") {
      home = *occ;
    } else {
      unknown(in.clusters_file, row.line, "O*NET-SOC Code", "O*NET-SOC code", row.onet_code);
    }
    if (!home.valid()) continue;  // an O*NET occupation outside OEWS: no employment to split
    parts[home.index()][t.find_cluster(row.industry_group)->value] += 1.0;
  }
  for (std::size_t o = 0; o < t.occupations.size(); ++o) {
    if (parts[o].empty()) {
      throw DataError(in.clusters_file, 0, "Modified BLS Super Sector",
                      "no occupation cluster for occupation " + t.occupations[o].soc_code + " (" +
                          t.occupations[o].title + ")");
    }
    double total = 0;
    for (const auto& [c, n] : parts[o]) total += n;
    std::vector<ClusterShare> shares;
    for (const auto& [c, n] : parts[o]) shares.push_back({ClusterId(c), n / total});
    t.occupation_clusters.add_row(shares);
  }
}

RelatedTier related_tier(const Inputs& in, const data::RelatedOccupationRow& row) {
  if (row.tier == "Primary-Short") return RelatedTier::kPrimaryShort;
  if (row.tier == "Primary-Long") return RelatedTier::kPrimaryLong;
  if (row.tier == "Supplemental") return RelatedTier::kSupplemental;
  unknown(in.related_file, row.line, "Relatedness Tier", "relatedness tier", row.tier);
}

void add_related_and_technology(const Inputs& in, Taxonomy& t) {
  std::vector<std::vector<std::pair<OnetOccupationId, RelatedTier>>> related(
      t.onet_occupations.size());
  for (const auto& row : in.related) {
    const auto from = t.find_onet(row.occupation);
    if (!from)
      unknown(in.related_file, row.line, "O*NET-SOC Code", "O*NET-SOC code", row.occupation);
    const auto to = t.find_onet(row.related);
    if (!to) {
      unknown(in.related_file, row.line, "Related O*NET-SOC Code", "O*NET-SOC code", row.related);
    }
    related[from->index()].emplace_back(*to, related_tier(in, row));
  }
  for (const auto& r : related) {
    std::vector<OnetOccupationId> row;
    for (const auto& [to, tier] : r) {
      row.push_back(to);
      t.related_tier.push_back(tier);
    }
    t.related.add_row(row);
  }
  std::vector<std::vector<TechnologySkill>> tech(t.onet_occupations.size());
  for (const auto& row : in.technology) {
    const auto onet = t.find_onet(row.occupation);
    if (!onet) {
      unknown(in.technology_file, row.line, "O*NET-SOC Code", "O*NET-SOC code", row.occupation);
    }
    tech[onet->index()].push_back({row.example, row.commodity_title, row.hot, row.in_demand});
  }
  for (const auto& r : tech) t.technology.add_row(r);
  std::vector<std::vector<std::string>> titles(t.onet_occupations.size());
  for (const auto& row : in.alternate_titles) {
    const auto onet = t.find_onet(row.occupation);
    if (!onet)
      unknown(in.titles_file, row.line, "O*NET-SOC Code", "O*NET-SOC code", row.occupation);
    titles[onet->index()].push_back(row.title);
  }
  for (const auto& r : titles) t.alternate_titles.add_row(r);
}

// Skills then Knowledge, each in element-id order; importance and level averaged over the O*NET
// occupations of each OEWS occupation.
void add_descriptors(const Inputs& in, Taxonomy& t) {
  std::unordered_map<std::string, std::size_t> column;
  auto add_kind = [&](const std::vector<data::SkillRatingRow>& rows, DescriptorKind kind) {
    std::map<std::string, std::string> names;  // element id -> name, in element-id order
    for (const auto& row : rows) names.emplace(row.element_id, row.element_name);
    for (const auto& [id, name] : names) {
      column.emplace(id, t.descriptors.size());
      t.descriptors.push_back({id, name, kind});
    }
  };
  add_kind(in.skills, DescriptorKind::kSkill);
  add_kind(in.knowledge, DescriptorKind::kKnowledge);
  const std::size_t k = t.descriptors.size();
  // [scale][occupation * k + descriptor]: scale 0 importance, 1 level.
  std::vector<double> sum[2] = {std::vector<double>(t.occupations.size() * k, 0.0),
                                std::vector<double>(t.occupations.size() * k, 0.0)};
  std::vector<int> n[2] = {std::vector<int>(sum[0].size(), 0), std::vector<int>(sum[0].size(), 0)};
  auto add_ratings = [&](const std::vector<data::SkillRatingRow>& rows, const std::string& file) {
    for (const auto& row : rows) {
      const auto onet = t.find_onet(row.occupation);
      if (!onet) unknown(file, row.line, "O*NET-SOC Code", "O*NET-SOC code", row.occupation);
      const OccupationId home = t[*onet].occupation;
      if (!home.valid()) continue;
      const std::size_t cell = home.index() * k + column.at(row.element_id);
      const int scale = row.importance ? 0 : 1;
      sum[scale][cell] += row.value;
      ++n[scale][cell];
    }
  };
  add_ratings(in.skills, in.skills_file);
  add_ratings(in.knowledge, in.knowledge_file);
  t.descriptor_importance.assign(sum[0].size(), 0.0f);
  t.descriptor_level.assign(sum[0].size(), 0.0f);
  for (std::size_t i = 0; i < sum[0].size(); ++i) {
    if (n[0][i] == 0) continue;  // unrated: importance and level stay 0
    t.descriptor_importance[i] = static_cast<float>(sum[0][i] / n[0][i]);
    if (n[1][i] > 0) t.descriptor_level[i] = static_cast<float>(sum[1][i] / n[1][i]);
  }
}

}  // namespace

Taxonomy build_taxonomy(const Inputs& in) {
  Taxonomy t;
  add_occupations(*in.oews_national, t);
  add_onet(in, t);
  add_tasks_and_dwas(in, t);
  add_occupation_tasks(in, t);
  add_clusters(in, t);
  if (in.oews_sectors) add_sectors(*in.oews_sectors, *in.oews_national, t);
  add_related_and_technology(in, t);
  add_descriptors(in, t);
  return t;
}

}  // namespace floe::taxonomy
