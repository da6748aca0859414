// The capability validation: its evidence and scores on the tiny world by hand, bad layers, and
// the rule's choice on the shipped data (docs/method.md §11).
#include "floe/layer_validation.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "dataset/tiny_world.h"
#include "floe/error.h"
#include "index/layer_evidence.h"

namespace floe {
namespace {

using detail::EvidenceData;
using detail::LayerData;

std::vector<double> exposure_of(const Dataset& ds, const LayerVariant& v, CapabilityLayer& layer) {
  IndexOptions o;
  o.technical = {v.labeler, v.e2_weight};
  o.transfer = v.transfer;
  layer = make_layer(ds, o);
  return occupation_exposure(ds.taxonomy, layer,
                             task_weights(ds.taxonomy, TaskWeighting::kOnetType));
}

// Pairs (testdata/tiny): developers 101 (weight 1,000 x 2/3, appears, 55%), 102 (1,000 x 1/3);
// clerks 103 (2,000 x 2/4, appears, 40%), 104 (1,000); laborers 105 (1,000).
TEST(LayerValidationTiny, EvidenceByHand) {
  const EvidenceData e = detail::gather_evidence(tiny());
  ASSERT_EQ(e.pairs.size(), 5u);
  EXPECT_NEAR(e.pairs[0].weight, 2000.0 / 3, 1e-9);
  EXPECT_NEAR(e.pairs[1].weight, 1000.0 / 3, 1e-9);
  EXPECT_NEAR(e.pairs[2].weight, 1000.0, 1e-9);
  EXPECT_EQ(e.pairs[0].appears, 1);
  EXPECT_EQ(e.pairs[1].appears, 0);
  EXPECT_EQ(e.pairs[2].percent, 40.0);
  EXPECT_EQ(e.occupation[0][occ("15-1252").index()], 55.0);  // usage: 55 + 0
  EXPECT_EQ(e.occupation[0][occ("47-2061").index()], 0.0);
  EXPECT_NEAR(e.occupation[2][occ("15-1252").index()], 0.9, 1e-12);  // AIOE, two SOC 2010 codes
}

// Human labels, E2 = 0: c = (1, 0, 1, 0, 0), exposure (2/3, 1/2, 0). Every task that appears
// outranks every one that does not: AUC 1. Exposure ranks the occupations as usage (55, 40, 0)
// and Microsoft (0.30, 0.25, 0.02) do: rho 1; AIOE (0.9, 1.2, -1.5) swaps developers and
// clerks: rho 1/3 (src/index/compare_test.cc). V = (1 + 1 + 1 + 1/3) / 4.
//
// Human labels, E2 = 1: task 104 (a negative, weight 1,000) rises to 1 and ties the positives:
// AUC = 1 - 0.5 x 1,000 / 2,333.3 = 11/14. Exposure (2/3, 1, 0) now swaps developers and clerks
// against usage and Microsoft (rho 1/3) and agrees with AIOE (rho 1).
TEST(LayerValidationTiny, ScoresByHand) {
  const EvidenceData e = detail::gather_evidence(tiny());
  const std::vector<double> all(3, 1.0);
  const std::array<bool, kEvidenceKinds> none{};
  CapabilityLayer layer;
  auto exposure = exposure_of(tiny(), {Labeler::kHuman, 0.0, false}, layer);
  const LayerData e2_0(e, layer.capability, exposure);
  auto s = e2_0.score(all, none);
  EXPECT_DOUBLE_EQ(s[0], 1.0);
  EXPECT_NEAR(s[2], 1.0, 1e-12);
  EXPECT_NEAR(s[3], 1.0, 1e-12);
  EXPECT_NEAR(s[4], 1.0 / 3, 1e-12);
  EXPECT_NEAR(detail::validation_score(s, none), (3 + 1.0 / 3) / 4, 1e-12);

  exposure = exposure_of(tiny(), {Labeler::kHuman, 1.0, false}, layer);
  const LayerData e2_1(e, layer.capability, exposure);
  s = e2_1.score(all, none);
  EXPECT_NEAR(s[0], 11.0 / 14, 1e-12);
  EXPECT_NEAR(s[2], 1.0 / 3, 1e-12);
  EXPECT_NEAR(s[3], 1.0 / 3, 1e-12);
  EXPECT_NEAR(s[4], 1.0, 1e-12);
  EXPECT_NEAR(detail::validation_score(s, none), (8.0 / 14 + 1.0 / 3 + 1.0 / 3 + 1) / 4, 1e-12);

  // Evidence a layer is built from is not scored, and does not enter V.
  std::array<bool, kEvidenceKinds> built{};
  built[static_cast<std::size_t>(Evidence::kMicrosoft)] = true;
  s = e2_1.score(all, built);
  EXPECT_TRUE(std::isnan(s[3]));
  EXPECT_NEAR(detail::validation_score(s, built), (8.0 / 14 + 1.0 / 3 + 1) / 3, 1e-12);
  // Multiplicities weight the occupations: without laborers, developers and clerks alone.
  const std::vector<double> two = {1, 1, 0};
  EXPECT_NEAR(e2_0.score(two, none)[2], 1.0, 1e-12);
}

std::filesystem::path write_layer(const std::string& name, const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() / name;
  std::ofstream(path) << text;
  return path;
}

TEST(LayerValidationTiny, BadLayers) {
  const Cells cells = build_cells(tiny());
  CapabilityValidationOptions o;
  o.resamples = 2;
  o.layer_files = {write_layer("floe_empty_layer.csv", "task_id,capability\n")};
  EXPECT_THROW(validate_capability(tiny(), cells, o), Error);
  o.layer_files = {"/nonexistent/floe_layer.csv"};
  EXPECT_THROW(validate_capability(tiny(), cells, o), Error);
  // Only laborers' task, and laborers without published employment: nothing meets the
  // evidence.
  Dataset ds = tiny();
  ds.labor.national[occ("47-2061").index()].employment_released = false;
  o.layer_files = {write_layer("floe_no_overlap.csv", "task_id,capability\n105,0.5\n")};
  try {
    validate_capability(ds, cells, o);
    ADD_FAILURE() << "no error";
  } catch (const Error& err) {
    EXPECT_NE(std::string(err.what()).find("no value for any task the evidence covers"),
              std::string::npos);
  }
  // A layer that does meet it is scored beside the candidates.
  o.layer_files = {write_layer("floe_layer.csv", "task_id,capability\n101,1\n102,0\n")};
  const CapabilityValidation v = validate_capability(tiny(), cells, o);
  EXPECT_EQ(v.layers.back().candidate.kind, CandidateKind::kBlend);
  EXPECT_NO_THROW(capability_validation_table(v, {"file:" + o.layer_files[0].string()}));
  EXPECT_THROW(capability_validation_table(v, {"technical/nobody/e2=9"}), Error);
}

// The rule, run on the shipped data, picks the library's default and its ensemble.
TEST(LayerValidationShipped, TheDefaultIsWhatTheRulePicks) {
  static const Dataset ds = load_dataset({.data_dir = FLOE_DEFAULT_DATA_DIR});
  const CapabilityValidation v = validate_capability(ds, build_cells(ds));
  const IndexOptions defaults;
  const LayerVariant chosen = v.layers[v.chosen].candidate.technical;
  EXPECT_EQ(chosen.labeler, defaults.technical.labeler);
  EXPECT_EQ(chosen.e2_weight, defaults.technical.e2_weight);
  EXPECT_EQ(chosen.transfer, defaults.transfer);
  EXPECT_EQ(v.ensemble(), default_ensemble());
  EXPECT_EQ(v.fit_occupations + v.held_out_occupations, 831u);
  // The held-out score is reported, not used; it exists for every eligible layer.
  for (const LayerScore& s : v.layers) {
    if (s.candidate.eligible()) {
      EXPECT_FALSE(std::isnan(s.validation.held_out)) << s.candidate.name;
    }
  }
}

}  // namespace
}  // namespace floe
