// Capability layers on the tiny world (testdata/tiny/README.md): tasks 101..105 are labeled
// human E1, E0, E1, E2, E0 and GPT-4 E1, E2, E1, E0, E0; 103 and 104 share a DWA.
#include "floe/capability.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "dataset/tiny_world.h"
#include "floe/dataset.h"
#include "floe/error.h"

namespace floe {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// The layer's values for tasks 101..105, in that order.
std::vector<float> values(const CapabilityLayer& layer) {
  std::vector<float> out;
  for (std::int32_t id = 101; id <= 105; ++id) {
    out.push_back(layer.capability[tiny().taxonomy.find_task(id)->index()]);
  }
  return out;
}

TEST(TechnicalLayer, MapsLabelsByLabelerAndE2Weight) {
  const auto& labels = tiny().technical;
  EXPECT_THAT(values(technical_layer(labels, {Labeler::kHuman, 0.0})), ElementsAre(1, 0, 1, 0, 0));
  EXPECT_THAT(values(technical_layer(labels, {Labeler::kHuman, 0.5})),
              ElementsAre(1, 0, 1, 0.5, 0));
  EXPECT_THAT(values(technical_layer(labels, {Labeler::kGpt4, 0.5})), ElementsAre(1, 0.5, 1, 0, 0));
  EXPECT_THAT(values(technical_layer(labels, {Labeler::kMean, 0.5})),
              ElementsAre(1, 0.25, 1, 0.25, 0));
}

TEST(TechnicalLayer, UnlabeledTasksAreNaN) {
  TechnicalLabels labels = tiny().technical;
  labels.human[tiny().taxonomy.find_task(105)->index()] = kNoLabel;
  EXPECT_TRUE(std::isnan(values(technical_layer(labels, {}))[4]));
}

TEST(ObservedLayer, IsOneWhereUsageExceedsTheThreshold) {
  EXPECT_THAT(values(observed_layer(tiny().observed)), ElementsAre(1, 0, 1, 0, 0));
  EXPECT_THAT(values(observed_layer(tiny().observed, 50.0)), ElementsAre(1, 0, 0, 0, 0));
}

TEST(Transfer, ASkillShownInOneTaskCountsForEveryTaskSharingIt) {
  const auto base = technical_layer(tiny().technical, {Labeler::kHuman, 0.0});
  // 104 shares "Maintain financial records" with 103 (E1): it inherits 1. Nothing else moves.
  EXPECT_THAT(values(with_transfer(base, tiny().taxonomy)), ElementsAre(1, 0, 1, 1, 0));
}

class UserLayer : public ::testing::Test {
 protected:
  std::filesystem::path write(const std::string& text) {
    const auto path = std::filesystem::path(::testing::TempDir()) /
                      ("floe_layer_" + std::to_string(::getpid()) + ".csv");
    std::ofstream(path) << text;
    return path;
  }
  std::string error_of(const std::string& text) {
    try {
      read_capability_csv(write(text), tiny().taxonomy);
    } catch (const DataError& e) {
      return e.what();
    }
    return "no error";
  }
};

TEST_F(UserLayer, ReadsTaskValuesAndLeavesTheRestUnlabeled) {
  const auto layer =
      read_capability_csv(write("task_id,capability\n101,0.25\n105,1\n"), tiny().taxonomy);
  const auto v = values(layer);
  EXPECT_EQ(v[0], 0.25f);
  EXPECT_TRUE(std::isnan(v[1]));
  EXPECT_EQ(v[4], 1.0f);
}

TEST_F(UserLayer, ReadsDwaValuesForEveryLinkedTask) {
  const auto layer =
      read_capability_csv(write("dwa_id,capability\n4.A.3.b.6.I07.D01,0.8\n"), tiny().taxonomy);
  EXPECT_THAT(values(layer), ElementsAre(0, 0, 0.8f, 0.8f, 0));
}

TEST_F(UserLayer, RejectsUnknownIdsOutOfRangeValuesAndDuplicates) {
  EXPECT_THAT(error_of("task_id,capability\n101,0.5\n555,0.5\n"),
              HasSubstr(":3: field 'task_id': unknown O*NET task ID 555"));
  EXPECT_THAT(error_of("task_id,capability\n101,1.5\n"),
              HasSubstr(":2: field 'capability': out of range"));
  EXPECT_THAT(error_of("task_id,capability\n101,NaN\n"),
              HasSubstr(":2: field 'capability': not a finite number"));
  EXPECT_THAT(error_of("task_id,capability\n101,1\n101,0\n"),
              HasSubstr(":3: field 'task_id': duplicate key '101'"));
  EXPECT_THAT(error_of("task,capability\n101,1\n"),
              HasSubstr(":1: field 'task_id': missing column"));
  EXPECT_THAT(error_of("dwa_id,capability\nX.Y,1\n"),
              HasSubstr(":2: field 'dwa_id': unknown DWA ID 'X.Y'"));
}

}  // namespace
}  // namespace floe
