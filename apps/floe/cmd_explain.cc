// floe explain: one occupation, everything floe knows about it.
#include <algorithm>
#include <iostream>

#include "commands.h"
#include "floe/explain.h"
#include "index_options.h"

namespace floe::cli {
namespace {

struct Args {
  DataOptions data;
  IndexArgs index;
  std::string occupation;
  std::string format = "table";
  std::vector<double> similarity_weights;
  std::size_t moves = 10;
  std::size_t tasks = 20;
};

void run(const Args& a) {
  const Dataset ds = load_with_progress(a.data);
  const OccupationMatch match = find_occupation_query(ds, a.occupation);
  ExplainOptions options;
  options.index = a.index.options();
  if (!a.similarity_weights.empty()) {
    std::copy(a.similarity_weights.begin(), a.similarity_weights.end(),
              options.similarity.weights.begin());
  }
  options.moves = a.moves;
  write_explanation(std::cout, explain_occupation(ds, match, options), a.format, a.tasks);
}

}  // namespace

void add_explain_command(CLI::App& app) {
  static Args args;
  CLI::App* c = app.add_subcommand(
      "explain",
      "Everything floe knows about one occupation: who does it (workers, mean wage, preparation), "
      "its O*NET tasks with their AI labels, how exposed it is under every option and where it "
      "ranks, and where its workers could move: similar occupations that are less exposed and at "
      "most one Job Zone of preparation away, ranked by similarity, exposure drop, pay and "
      "openings, each with the skills and knowledge to learn (docs/method.md §14).\n\n"
      "Examples:\n"
      "  floe explain bookkeeping          words from a job title (all must match)\n"
      "  floe explain 15-1252              a SOC code (OEWS occupation)\n"
      "  floe explain 29-1141.00           an O*NET-SOC code\n"
      "  floe explain nurse --labeler gpt4 --e2-weight 0.5 --format json");
  c->add_option("occupation", args.occupation,
                "SOC code (43-3031), O*NET-SOC code (43-3031.00) or words from a title "
                "(\"bookkeeping\"); several matches: the one with most workers")
      ->required();
  add_data_options(*c, args.data);
  add_index_options(*c, args.index);
  c->add_option("--format", args.format, "Output format: table, csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}))
      ->capture_default_str();
  c->add_option("--similarity-weights", args.similarity_weights,
                "Similarity: weights of the skills, knowledge, DWA, IWA, task-word and title-word "
                "blocks (6 numbers; default: the weights fitted to O*NET Related Occupations, "
                "docs/method.md §13)")
      ->expected(kSimilarityBlocks)
      ->delimiter(',')
      ->check(CLI::Range(0.0, 1.0));
  c->add_option("--moves", args.moves,
                "Suggested career moves listed under 'where its workers could move'")
      ->capture_default_str();
  c->add_option("--tasks", args.tasks, "Tasks shown in the table view (0: all)")
      ->capture_default_str();
  c->callback([] { run(args); });
}

}  // namespace floe::cli
