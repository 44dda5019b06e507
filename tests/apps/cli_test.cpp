// The command line end to end, through the built binary.
#include <gtest/gtest.h>

#include <ostream>

#include "../test_names.hpp"

#include <sys/wait.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "sitrep/text/tokenizer.hpp"

namespace {

namespace fs = std::filesystem;

struct run_result {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    // Parameterized tests are named "Test/param": one folder, not a folder inside another that
    // TearDown would leave behind.
    std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::replace(name.begin(), name.end(), '/', '_');
    dir_ = fs::temp_directory_path() / ("sitrep_cli_" + std::to_string(::getpid()) + "_" + name);
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path write(const std::string& name, const std::string& content) {
    fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }

  run_result run(const std::string& args, const std::string& stdin_text = "") {
    fs::path in = write("stdin.txt", stdin_text);
    std::string cmd = std::string("'") + SITREP_BINARY + "' " + args + " <'" + in.string() +
                      "' >'" + (dir_ / "out").string() + "' 2>'" + (dir_ / "err").string() + "'";
    int status = std::system(cmd.c_str());
    run_result r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(dir_ / "out");
    r.err = slurp(dir_ / "err");
    return r;
  }

  static std::string example(const std::string& name) {
    return std::string(SITREP_SOURCE_DIR) + "/examples/" + name;
  }

  fs::path dir_;
};

std::vector<std::string> lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

TEST_F(Cli, VersionAndHelp) {
  auto v = run("--version");
  EXPECT_EQ(v.exit_code, 0);
  EXPECT_NE(v.out.find("sitrep "), std::string::npos);
  for (const char* cmd : {"", "summarize ", "report ", "eval ", "methods "}) {
    auto h = run(std::string(cmd) + "--help");
    EXPECT_EQ(h.exit_code, 0) << cmd;
    EXPECT_NE(h.out.find("Usage"), std::string::npos) << cmd;
  }
}

TEST_F(Cli, UsageErrorsExitTwo) {
  EXPECT_EQ(run("").exit_code, 2);
  EXPECT_EQ(run("summarize").exit_code, 2);
  EXPECT_EQ(run("frobnicate").exit_code, 2);
  EXPECT_EQ(run("summarize --words 10 --bytes 10 " + example("harbour-fire.txt")).exit_code, 2);
  auto r = run("summarize --method nope " + example("harbour-fire.txt"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown method"), std::string::npos);
  EXPECT_EQ(run("summarize --words 0 " + example("harbour-fire.txt")).exit_code, 2);
  EXPECT_EQ(run("summarize --format html " + example("harbour-fire.txt")).exit_code, 2);
  EXPECT_EQ(run("summarize --language klingon " + example("harbour-fire.txt")).exit_code, 2);
}

TEST_F(Cli, SummarizeGivesWholeInputSentencesInOrderWithinBudget) {
  std::string input = slurp(example("harbour-fire.txt"));
  auto r = run("summarize --words 60 " + example("harbour-fire.txt"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto picked = lines(r.out);
  ASSERT_FALSE(picked.empty());
  std::size_t words = 0, last = 0;
  for (const auto& l : picked) {
    std::size_t at = input.find(l);
    ASSERT_NE(at, std::string::npos) << "not a sentence of the input: " << l;
    EXPECT_GE(at, last) << "out of order: " << l;
    last = at;
    words += sitrep::text::count_words(l);
  }
  EXPECT_LE(words, 60u);
}

TEST_F(Cli, SummarizeFromStandardInputAndJson) {
  auto r = run("summarize --sentences 1 --format json -",
               "The bridge is closed.\nFirefighters contained the depot fire on Saturday.\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["sentences"].size(), 1u);
  EXPECT_EQ(j["sentences"][0]["origin"], "-");
  EXPECT_TRUE(j["sentences"][0].contains("byte_begin"));
}

TEST_F(Cli, OutputDirWritesOneSummaryPerInput) {
  write("a.jsonl", R"({"id": "1", "text": "Police closed the harbour bridge on Friday morning."})" "\n");
  write("b.txt", "Seven workers were injured in the depot fire.\nThe mayor visited the scene.\n");
  fs::path out = dir_ / "summaries";
  auto r = run("summarize --words 20 --output-dir '" + out.string() + "' '" +
               (dir_ / "a.jsonl").string() + "' '" + (dir_ / "b.txt").string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(slurp(out / "a.txt"), "Police closed the harbour bridge on Friday morning.\n");
  EXPECT_FALSE(slurp(out / "b.txt").empty());
}

TEST_F(Cli, ReportJsonCarriesEveryField) {
  auto r = run("report --format json " + example("harbour-fire.jsonl"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["updates"], 18);
  EXPECT_FALSE(j["headline"].empty());
  EXPECT_GE(j["sources"].size(), 5u);
  EXPECT_EQ(j["time_span"]["first"], "2026-03-14T06:02:00Z");
  EXPECT_EQ(j["time_span"]["last"], "2026-03-14T13:05:00Z");
  auto t = run("report " + example("harbour-fire.jsonl"));
  ASSERT_EQ(t.exit_code, 0);
  EXPECT_NE(t.out.find("Time span: 2026-03-14T06:02:00Z to 2026-03-14T13:05:00Z (7 h 3 min)"),
            std::string::npos)
      << t.out;
}

// The line number of an update id of the harbour example ("u07" -> 7).
int id_number(const nlohmann::json& id) { return std::stoi(id.get<std::string>().substr(1)); }

TEST_F(Cli, ReportSinceAddsWhatIsNewAndUntilCutsTheStream) {
  auto r = run("report --format json --since u10 " + example("harbour-fire.jsonl"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["updates"], 18);
  ASSERT_TRUE(j["since"].is_object());
  EXPECT_EQ(j["since"]["since"], "u10");
  EXPECT_EQ(j["since"]["updates"], 8);
  ASSERT_FALSE(j["since"]["headline"].empty());
  for (const auto& s : j["since"]["headline"]) {
    EXPECT_GT(id_number(s["update_id"]), 10) << s["text"];
    EXPECT_GT(id_number(s["reported"]["first_update_id"]), 10) << s["text"];  // not a repeat
  }
  // A time names the same cut: the first update after 08:50 is u11.
  auto by_time =
      run("report --format json --since 2026-03-14T08:50:00Z " + example("harbour-fire.jsonl"));
  ASSERT_EQ(by_time.exit_code, 0) << by_time.err;
  EXPECT_EQ(nlohmann::json::parse(by_time.out)["since"]["updates"], 8);

  auto until = run("report --format json --until u05 " + example("harbour-fire.jsonl"));
  ASSERT_EQ(until.exit_code, 0) << until.err;
  auto u = nlohmann::json::parse(until.out);
  EXPECT_EQ(u["updates"], 5);
  EXPECT_EQ(u["until"], "u05");
  for (const auto& s : u["headline"]) EXPECT_LE(id_number(s["update_id"]), 5);

  auto text = run("report --since u10 " + example("harbour-fire.jsonl"));
  ASSERT_EQ(text.exit_code, 0);
  EXPECT_NE(text.out.find("New since u10 (8 updates)"), std::string::npos) << text.out;

  auto bad = run("report --since nowhere " + example("harbour-fire.jsonl"));
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--since 'nowhere'"), std::string::npos) << bad.err;
}

// Must show (issue 9): the seed's updates 11-20 reported without anything of updates 1-10.
TEST_F(Cli, ReportSinceUpdateTenOfTheSeedRepeatsNothingOfTheFirstTen) {
  const std::string seed = SITREP_SHARED_DIR "/examples/bamako-liveblog.txt";
  if (!fs::exists(seed)) GTEST_SKIP() << "no " << seed << " (../shared absent)";
  auto r = run("report --format json --since bamako-liveblog.txt:10 '" + seed + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  // The report is about the Bamako story: 19 updates, update 18 (Paris) being another story.
  EXPECT_EQ(j["since"]["updates"], j["updates"].get<int>() - 10);
  ASSERT_FALSE(j["since"]["headline"].empty());
  for (const auto& s : j["since"]["headline"]) {
    EXPECT_GT(s["line"].get<int>(), 10) << s["text"];
    EXPECT_NE(s["reported"]["first_update_id"].get<std::string>().find(':'), std::string::npos);
    EXPECT_GT(std::stoi(s["reported"]["first_update_id"].get<std::string>().substr(
                  s["reported"]["first_update_id"].get<std::string>().rfind(':') + 1)),
              10);
  }
}

// Issue 10's must-show: the seed's Paris death toll (update 18) is another story, named by the
// report; updates 1-17 and 19-20 are the Bamako siege.
TEST_F(Cli, TheSeedsParisDeathTollIsAnotherStory) {
  const std::string seed = SITREP_SHARED_DIR "/examples/bamako-liveblog.txt";
  if (!fs::exists(seed)) GTEST_SKIP() << "no " << seed << " (../shared absent)";
  auto r = run("stories --format jsonl '" + seed + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto decided = lines(r.out);
  ASSERT_EQ(decided.size(), 20u);
  std::vector<int> story;
  for (const auto& line : decided) story.push_back(nlohmann::json::parse(line)["story"].get<int>());
  for (int u = 1; u <= 20; ++u) {
    if (u == 18) EXPECT_NE(story[17], story[0]) << "update 18";
    else EXPECT_EQ(story[u - 1], story[0]) << "update " << u;
  }
  EXPECT_TRUE(nlohmann::json::parse(decided[17])["new"].get<bool>());

  auto text = run("report '" + seed + "'");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  const auto other = text.out.find("Other stories in this stream:");
  ASSERT_NE(other, std::string::npos) << text.out;
  EXPECT_NE(text.out.find("Paris", other), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("(19 of 20 updates)"), std::string::npos) << text.out;

  auto json = run("report --format json '" + seed + "'");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  auto j = nlohmann::json::parse(json.out);
  EXPECT_EQ(j["updates"], 19);
  ASSERT_EQ(j["stories"].size(), 2u);
  EXPECT_EQ(j["stories"][0]["id"], j["story"]);
  EXPECT_EQ(j["stories"][1]["updates"], 1);
  EXPECT_EQ(j["stories"][1]["first_update_id"], "bamako-liveblog.txt:18");
  for (const auto& s : j["headline"]) EXPECT_NE(s["line"], 18) << s["text"];
}

// Issue 12: the report's Timeline section shows the story's last key events (--timeline N,
// default 8, 0: none); JSON carries every one, in time order, each with its update id.
TEST_F(Cli, TheReportHasATimelineOfKeyEvents) {
  const std::string seed = SITREP_SHARED_DIR "/examples/bamako-liveblog.txt";
  if (!fs::exists(seed)) GTEST_SKIP() << "no " << seed << " (../shared absent)";
  auto json = run("report --format json '" + seed + "'");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const auto j = nlohmann::json::parse(json.out);
  ASSERT_TRUE(j.contains("timeline"));
  const auto& t = j["timeline"];
  ASSERT_GT(t.size(), 3u);
  int previous = 0;
  for (const auto& k : t) {
    const std::string id = k["id"].get<std::string>();
    const int line = std::stoi(id.substr(id.rfind(':') + 1));
    EXPECT_GT(line, previous) << "untimed key events keep arrival order";
    EXPECT_NE(line, 18) << "the Paris toll is another story's";
    previous = line;
    EXPECT_FALSE(k["text"].get<std::string>().empty());
    EXPECT_GE(k["score"].get<double>(), 0.0);
  }
  auto text = run("report --timeline 2 '" + seed + "'");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("Timeline (the last 2 of " + std::to_string(t.size()) + " key events)"),
            std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find(t.back()["text"].get<std::string>()), std::string::npos);
  auto md = run("report --format markdown --timeline 2 '" + seed + "'");
  ASSERT_EQ(md.exit_code, 0) << md.err;
  EXPECT_NE(md.out.find("## Timeline (the last 2 of"), std::string::npos) << md.out;
  auto none = run("report --timeline 0 '" + seed + "'");
  ASSERT_EQ(none.exit_code, 0) << none.err;
  EXPECT_EQ(none.out.find("Timeline"), std::string::npos) << none.out;
}

// Issue 11's must-show on the seed: the figures with their sources, the Paris toll as a series
// in its own story, the claims marked unverified, the people, organizations and places.
TEST_F(Cli, TheSeedsReportHasItsFacts) {
  const std::string seed = SITREP_SHARED_DIR "/examples/bamako-liveblog.txt";
  if (!fs::exists(seed)) GTEST_SKIP() << "no " << seed << " (../shared absent)";
  auto text = run("report '" + seed + "'");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  for (const char* want : {"Key figures", "freed (U.S. citizens): 6  (U.S. military spokesman Army Colonel Mark Cheadle",
                           "80  (Canada's National Post", "50  (a gendarmerie spokesman",
                           // A vague quantity as written, not the number standing for it.
                           "hostages (people hostage): scores  (The U.S. State Department",
                           "Unconfirmed and disputed", "Who said what", "Involved: people: "}) {
    EXPECT_NE(text.out.find(want), std::string::npos) << want << "\n" << text.out;
  }
  auto paris = run("report --story 1 '" + seed + "'");
  ASSERT_EQ(paris.exit_code, 0) << paris.err;
  EXPECT_NE(paris.out.find("killed (death toll): 129 \u2192 130  (France's Prime Minister, bamako-liveblog.txt:18)\n"),
            std::string::npos)
      << paris.out;

  auto json = run("report --format json '" + seed + "'");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const auto j = nlohmann::json::parse(json.out);
  std::vector<std::string> unverified;
  for (const auto& c : j["unconfirmed"]) {
    if (c["status"] == "unverified") unverified.push_back(c["text"].get<std::string>());
  }
  const auto any_has = [](const std::vector<std::string>& v, const std::string& w) {
    return std::any_of(v.begin(), v.end(), [&](const std::string& s) { return s.find(w) != std::string::npos; });
  };
  EXPECT_TRUE(any_has(unverified, "Al-Mourabitoun, a jihadist group")) << j["unconfirmed"].dump(1);
  EXPECT_TRUE(any_has(unverified, "Al-Qaeda in the Islamic Maghreb have reportedly claimed"))
      << j["unconfirmed"].dump(1);
  std::vector<std::string> names;
  for (const auto& e : j["involved"]) names.push_back(e["name"].get<std::string>());
  for (const char* name : {"Bamako", "Mali", "Radisson Blu", "John Kirby", "Mark Cheadle",
                           "Al-Mourabitoun", "Al Jazeera", "Ali H. Soufan"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), name), names.end()) << name << " in " << j["involved"].dump();
  }
}

TEST_F(Cli, StoriesAreReportedOneOrEach) {
  // Two stories interleaved: a port strike and a comet, each told four times.
  const std::string stream =
      "Dock workers in Valmora began a strike over pay on Monday, halting the container port.\n"
      "Astronomers say comet Ishara will pass close to Earth next week and be visible at dusk.\n"
      "The Valmora dock strike entered its second day as talks over pay failed.\n"
      "Comet Ishara brightened sharply overnight, astronomers at the Kelso observatory say.\n"
      "Container ships are queuing outside Valmora port as the dock strike over pay goes on.\n"
      "Amateur astronomers photographed comet Ishara's green tail from the Kelso hills.\n"
      "Union leaders in Valmora said the dock strike will end if the pay offer is raised.\n"
      "Comet Ishara will be brightest on Friday at dusk, the Kelso observatory says.\n";
  const auto file = write("two.txt", stream);
  auto r = run("stories --format jsonl '" + file.string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<int> story;
  for (const auto& line : lines(r.out)) story.push_back(nlohmann::json::parse(line)["story"].get<int>());
  ASSERT_EQ(story.size(), 8u);
  for (int i = 2; i < 8; ++i) EXPECT_EQ(story[i], story[i % 2]) << "update " << i + 1;
  EXPECT_NE(story[0], story[1]);

  auto table = run("stories '" + file.string() + "'");
  ASSERT_EQ(table.exit_code, 0);
  EXPECT_NE(table.out.find("Stories: 2 (8 updates)"), std::string::npos) << table.out;

  // --story picks one; its summary, counts and sources are that story's.
  auto comet = run("report --format json --story " + std::to_string(story[1]) + " '" +
                   file.string() + "'");
  ASSERT_EQ(comet.exit_code, 0) << comet.err;
  auto j = nlohmann::json::parse(comet.out);
  EXPECT_EQ(j["story"], story[1]);
  EXPECT_EQ(j["updates"], 4);
  for (const auto& s : j["headline"]) EXPECT_NE(s["text"].get<std::string>().find("omet"), std::string::npos);

  auto each = run("report --format json --all-stories '" + file.string() + "'");
  ASSERT_EQ(each.exit_code, 0) << each.err;
  auto all = nlohmann::json::parse(each.out);
  ASSERT_EQ(all["story_reports"].size(), 2u);
  for (const auto& part : all["story_reports"]) EXPECT_EQ(part["updates"], 4);
  auto md = run("report --format markdown --all-stories '" + file.string() + "'");
  ASSERT_EQ(md.exit_code, 0);
  EXPECT_NE(md.out.find("## Story "), std::string::npos) << md.out;

  auto bad = run("report --story 7 '" + file.string() + "'");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--story 7: no such story"), std::string::npos) << bad.err;
  EXPECT_EQ(run("report --story 0 --all-stories '" + file.string() + "'").exit_code, 2);
  EXPECT_EQ(run("stories --format markdown '" + file.string() + "'").exit_code, 2);
}

TEST_F(Cli, FactsListsEveryFigureInTheLabelsSchema) {
  const auto file = write("f.txt",
                          "Police said more than 40 people were hurt in the blast.\n"
                          "The fire started on 12 March.\n"
                          "Rescuers freed six hostages from the hotel, the army said.\n");
  auto r = run("facts --format jsonl '" + file.string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> items;  // the figures (attributions are tested below)
  for (const auto& line : lines(r.out))
    if (nlohmann::json::parse(line)["kind"] == "figure") items.push_back(line);
  ASSERT_EQ(items.size(), 2u) << r.out;  // the date is not a figure
  auto first = nlohmann::json::parse(items[0]);
  EXPECT_EQ(first["kind"], "figure");
  EXPECT_EQ(first["update"], "f.txt:1");
  EXPECT_EQ(first["surface"], "more than 40");
  EXPECT_EQ(first["value"], 40);
  EXPECT_EQ(first["qualifier"], "at_least");
  EXPECT_EQ(first["category"], "injured");
  EXPECT_EQ(first["source"], "Police");
  auto second = nlohmann::json::parse(items[1]);
  EXPECT_EQ(second["update"], "f.txt:3");
  EXPECT_EQ(second["value"], 6);
  auto text = run("facts '" + file.string() + "'");
  ASSERT_EQ(text.exit_code, 0);
  EXPECT_NE(text.out.find("f.txt:1\tmore than 40\tinjured"), std::string::npos) << text.out;
  EXPECT_EQ(run("facts --format markdown '" + file.string() + "'").exit_code, 2);
}

TEST_F(Cli, FactsListsAttributionsAndStatusInTheLabelsSchema) {
  const auto file = write("s.txt",
                          "Col. Ann Reed said six hostages were freed. She also says foreign "
                          "tourists might be among the hostages at the hotel.\n"
                          "It has emerged that foreign tourists were among the hostages at the hotel.\n");
  auto r = run("facts --format jsonl '" + file.string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<nlohmann::json> attributions, statuses;
  for (const auto& line : lines(r.out)) {
    auto j = nlohmann::json::parse(line);
    if (j["kind"] == "attribution") attributions.push_back(j);
    if (j["kind"] == "status") statuses.push_back(j);
  }
  ASSERT_EQ(attributions.size(), 2u) << r.out;
  EXPECT_EQ(attributions[0]["update"], "s.txt:1");
  EXPECT_EQ(attributions[0]["sentence"], "Col. Ann Reed said six hostages were freed.");
  EXPECT_EQ(attributions[0]["speaker"], "Col. Ann Reed");
  EXPECT_EQ(attributions[0]["cue"], "said");
  EXPECT_EQ(attributions[0].size(), 5u);  // kind, update, sentence, speaker, cue: nothing else
  EXPECT_EQ(attributions[1]["speaker"], "Col. Ann Reed");  // "She", resolved in its update
  ASSERT_EQ(statuses.size(), 2u) << r.out;
  EXPECT_EQ(statuses[0]["update"], "s.txt:1");
  EXPECT_EQ(statuses[0]["status"], "unverified");
  EXPECT_EQ(statuses[0]["cue"], "might");
  EXPECT_EQ(statuses[1]["status"], "confirmed");
  EXPECT_EQ(statuses[1]["cue"], "It has emerged");
  EXPECT_EQ(statuses[1].size(), 5u);
  auto text = run("facts '" + file.string() + "'");
  ASSERT_EQ(text.exit_code, 0);
  EXPECT_NE(text.out.find("s.txt:1\tsaid\tCol. Ann Reed\tsaid\tsix hostages were freed"),
            std::string::npos) << text.out;
  EXPECT_NE(text.out.find("claim\tunverified (s.txt:1) -> confirmed (s.txt:2)"), std::string::npos)
      << text.out;
}

TEST_F(Cli, TimelineGivesTheKeyEventsInTimeOrder) {
  auto r = run("timeline --format jsonl " + example("harbour-fire.jsonl"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto items = lines(r.out);
  ASSERT_FALSE(items.empty());
  std::string previous;
  for (const auto& line : items) {
    auto j = nlohmann::json::parse(line);
    for (const char* key : {"id", "time", "text", "score", "sources"}) EXPECT_TRUE(j.contains(key)) << key;
    EXPECT_GE(j["time"].get<std::string>(), previous);
    previous = j["time"].get<std::string>();
    EXPECT_FALSE(j["text"].get<std::string>().empty());
  }
  auto text = run("timeline " + example("harbour-fire.jsonl"));
  ASSERT_EQ(text.exit_code, 0);
  EXPECT_EQ(text.out.rfind("TIMELINE (", 0), 0u) << text.out;
}

TEST_F(Cli, MethodsListsEveryMethod) {
  auto r = run("methods");
  ASSERT_EQ(r.exit_code, 0);
  for (const char* id : {"lead", "centroid", "lexrank"})
    EXPECT_NE(r.out.find(id), std::string::npos) << id;
  EXPECT_NE(r.out.find("(default)"), std::string::npos);
}

struct bad_case {
  const char* name;
  const char* file;
  std::string content;
  const char* message;  // part of the error message after "<file>:<line>: "
  int line;
  std::string args = "";       // extra command-line arguments
  bool keeps_good = true;      // --skip-bad keeps the good lines around the bad one
};

void PrintTo(const bad_case& c, std::ostream* os) { *os << c.name; }

class BadInput : public Cli, public ::testing::WithParamInterface<bad_case> {};

TEST_P(BadInput, ExitsTwoNamingFileAndLineOrSkipsWithCount) {
  const bad_case& c = GetParam();
  std::string good = std::string(c.file).ends_with(".jsonl")
                         ? R"({"text": "The harbour bridge remains closed tonight."})" "\n"
                         : "The harbour bridge remains closed tonight.\n";
  fs::path p = write(c.file, good + c.content + good);
  auto r = run("summarize " + c.args + " '" + p.string() + "'");
  EXPECT_EQ(r.exit_code, 2) << c.name;
  EXPECT_NE(r.err.find(p.string() + ":" + std::to_string(c.line)), std::string::npos)
      << c.name << ": " << r.err;
  EXPECT_NE(r.err.find(c.message), std::string::npos) << c.name << ": " << r.err;

  auto skip = run("summarize --skip-bad " + c.args + " '" + p.string() + "'");
  EXPECT_EQ(skip.exit_code, 0) << c.name << ": " << skip.err;
  EXPECT_NE(skip.err.find("skipped 1 bad record"), std::string::npos) << c.name << ": " << skip.err;
  EXPECT_EQ(skip.out.find("harbour bridge") != std::string::npos, c.keeps_good) << c.name;
}

INSTANTIATE_TEST_SUITE_P(
    Kinds, BadInput,
    ::testing::Values(
        bad_case{"invalid_utf8_text", "bad.txt", "caf\xC3\x28 is closed\n", "UTF-8", 2},
        bad_case{"invalid_utf8_json", "bad.jsonl", "{\"text\": \"caf\xC3\x28\"}\n", "UTF-8", 2},
        bad_case{"bad_json", "bad.jsonl", "{\"text\": \"unterminated\n", "JSON", 2},
        bad_case{"missing_text", "bad.jsonl", "{\"id\": \"7\", \"title\": \"no body\"}\n", "text", 2},
        bad_case{"long_line", "bad.txt", std::string(300, 'x') + "\n", "longer than 100 bytes", 2,
                 "--max-line-bytes 100"},
        // A NUL byte near the start makes the whole file binary: skipped whole.
        // A binary file's rest is skipped; the good line read before the NUL was handed on.
        bad_case{"binary_file", "bad.txt", std::string("bin\0ary\n", 8), "binary", 2, "", true}),
    [](const auto& info) { return std::string(info.param.name); });

TEST_F(Cli, MissingFileExitsTwo) {
  auto r = run("summarize '" + (dir_ / "nope.txt").string() + "'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("nope.txt"), std::string::npos);
}

// Summaries and references that are not UTF-8 text are refused, file and line named.
TEST_F(Cli, EvalRefusesBinaryAndInvalidUtf8) {
  fs::create_directories(dir_ / "sys");
  fs::create_directories(dir_ / "ref");
  const std::string sys = (dir_ / "sys").string(), ref = (dir_ / "ref").string();
  const std::string args = "eval --system '" + sys + "' --reference '" + ref + "'";
  write("ref/d1.A.txt", "The elephant arrived.\n");

  write("sys/d1.txt", "fine\ncaf\xE9 au lait\n");
  auto latin1 = run(args);
  EXPECT_EQ(latin1.exit_code, 2);
  EXPECT_NE(latin1.err.find(sys + "/d1.txt:2: invalid UTF-8 at byte 4"), std::string::npos)
      << latin1.err;
  EXPECT_EQ(latin1.out, "");

  write("sys/d1.txt", std::string("\x7F" "ELF\0\0\0\n", 8));
  auto binary = run(args);
  EXPECT_EQ(binary.exit_code, 2);
  EXPECT_NE(binary.err.find(sys + "/d1.txt:1: binary data (NUL byte at byte 5)"),
            std::string::npos)
      << binary.err;

  write("sys/d1.txt", "The elephant arrived.\n");
  write("ref/d1.A.txt", "\xC3\x28\n");
  auto bad_ref = run(args);
  EXPECT_EQ(bad_ref.exit_code, 2);
  EXPECT_NE(bad_ref.err.find(ref + "/d1.A.txt:1: invalid UTF-8 at byte 1"), std::string::npos)
      << bad_ref.err;

  write("ref/d1.A.txt", "The \xC3\xA9l\xC3\xA9phant arrived.\n");
  EXPECT_EQ(run(args).exit_code, 0);
}

// Budgets are positive decimal integers within a documented bound; anything else is an error
// naming the flag, never "unlimited" and never octal or hex.
struct budget_case {
  const char* name;
  const char* args;
  const char* flag;  // named in the message
};

void PrintTo(const budget_case& c, std::ostream* os) { *os << c.args; }

class BadBudget : public Cli, public ::testing::WithParamInterface<budget_case> {};

TEST_P(BadBudget, ExitsTwoNamingTheFlag) {
  auto r = run(std::string("summarize ") + GetParam().args + " " + example("harbour-fire.txt"));
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find(GetParam().flag), std::string::npos) << r.err;
}

INSTANTIATE_TEST_SUITE_P(
    Values, BadBudget,
    ::testing::Values(budget_case{"words_minus_one", "--words=-1", "--words"},
                      budget_case{"words_huge", "--words 99999999999999999999", "--words"},
                      budget_case{"words_over_bound", "--words 1000001", "--words"},
                      budget_case{"words_hex", "--words 0x10", "--words"},
                      budget_case{"words_plus", "--words +5", "--words"},
                      budget_case{"words_fraction", "--words 2.5", "--words"},
                      budget_case{"words_empty", "--words ''", "--words"},
                      budget_case{"words_zero", "--words 0", "--words"},
                      budget_case{"words_junk", "--words 10k", "--words"},
                      budget_case{"bytes_over_bound", "--bytes 10000001", "--bytes"},
                      budget_case{"bytes_minus", "--bytes=-3", "--bytes"},
                      budget_case{"sentences_over_bound", "--sentences 100001", "--sentences"},
                      budget_case{"sentences_octal_looking_hex", "--sentences 0x1", "--sentences"},
                      budget_case{"max_line_hex", "--max-line-bytes 0x10", "--max-line-bytes"},
                      budget_case{"max_line_minus", "--max-line-bytes=-1", "--max-line-bytes"},
                      budget_case{"max_line_over_bound", "--max-line-bytes 268435457",
                                  "--max-line-bytes"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST_F(Cli, BudgetsAreDecimalUpToTheBound) {
  auto ten = run("summarize --words 10 " + example("harbour-fire.txt"));
  auto leading_zero = run("summarize --words 010 " + example("harbour-fire.txt"));
  ASSERT_EQ(ten.exit_code, 0) << ten.err;
  EXPECT_EQ(leading_zero.exit_code, 0) << leading_zero.err;
  EXPECT_EQ(leading_zero.out, ten.out);  // 010 is ten, not octal eight
  EXPECT_EQ(run("summarize --words 1000000 " + example("harbour-fire.txt")).exit_code, 0);
  EXPECT_EQ(run("summarize --bytes 10000000 " + example("harbour-fire.txt")).exit_code, 0);
  EXPECT_EQ(run("report --sentences 100000 " + example("harbour-fire.txt")).exit_code, 0);
}

// A byte budget never splits a UTF-8 character; when not one character fits, the summary is
// empty and a note says why (in JSON and on stderr).
TEST_F(Cli, ByteBudgetNeverSplitsACharacter) {
  const std::string input = "\xC3\x89l\xC3\xA9phant arrived.\n";
  auto one = run("summarize --bytes 1 --format json -", input);
  ASSERT_EQ(one.exit_code, 0) << one.err;
  auto j = nlohmann::json::parse(one.out);
  EXPECT_TRUE(j["sentences"].empty());
  ASSERT_EQ(j["notes"].size(), 1u);
  EXPECT_NE(one.err.find("sitrep: note: the budget of 1 byte holds"), std::string::npos) << one.err;

  for (int bytes = 2; bytes <= 20; ++bytes) {
    for (const char* format : {"json", "text"}) {
      auto r = run("summarize --bytes " + std::to_string(bytes) + " --format " + format + " -",
                   input);
      ASSERT_EQ(r.exit_code, 0) << bytes << ": " << r.err;
      std::string text = r.out;
      if (std::string(format) == "json") {
        auto k = nlohmann::json::parse(r.out);  // throws on invalid UTF-8 in the output
        ASSERT_EQ(k["sentences"].size(), 1u) << bytes;
        text = k["sentences"][0]["text"];
        EXPECT_EQ(k["sentences"][0]["truncated"], bytes < 19) << bytes;
      } else {
        ASSERT_FALSE(text.empty());
        text.pop_back();  // the newline
      }
      EXPECT_LE(text.size(), static_cast<std::size_t>(bytes)) << bytes;
      EXPECT_EQ(input.compare(0, text.size(), text), 0) << bytes << ": " << text;
      // The cut ends on a character boundary: the next input byte is not a continuation byte.
      EXPECT_NE(static_cast<unsigned char>(input[text.size()]) & 0xC0, 0x80) << bytes;
    }
  }
}

// Control characters in the input never reach the terminal through text or Markdown output.
TEST_F(Cli, ControlCharactersAreNotPrinted) {
  const std::string feed =
      R"({"id": "1", "source": "Wire\u001b[2J", "text": "The \u001b[31mharbour bridge\u001b[0m )"
      R"(was closed by police on Friday morning\u0007 after the fire\u009b spread."})"
      "\n";
  write("feed.jsonl", feed);
  const std::string path = (dir_ / "feed.jsonl").string();
  for (const char* args : {"summarize ", "summarize --format markdown ", "report ",
                           "report --format markdown "}) {
    auto r = run(std::string(args) + "'" + path + "'");
    ASSERT_EQ(r.exit_code, 0) << args << r.err;
    EXPECT_NE(r.out.find("harbour bridge"), std::string::npos) << args << r.out;
    for (unsigned char ch : r.out) {
      EXPECT_TRUE(ch == '\n' || (ch >= 0x20 && ch != 0x7F)) << args << ": byte " << int(ch);
    }
    EXPECT_EQ(r.out.find("\xC2\x9B"), std::string::npos) << args;
  }
  auto j = run("summarize --format json '" + path + "'");
  ASSERT_EQ(j.exit_code, 0) << j.err;
  EXPECT_NE(j.out.find("\\u001b[31m"), std::string::npos) << j.out;
  EXPECT_EQ(j.out.find('\x1B'), std::string::npos);
  EXPECT_EQ(j.out.find('\0'), std::string::npos);
  // A \u0000 escape is bad input, as a raw NUL byte is (sitrep/io/record_decoder.hpp).
  write("nul.jsonl", R"({"text": "police\u0000 on Friday"})" "\n");
  auto nul = run("summarize '" + (dir_ / "nul.jsonl").string() + "'");
  EXPECT_EQ(nul.exit_code, 2);
  EXPECT_NE(nul.err.find("nul.jsonl:1: \"text\" holds a NUL character (\\u0000)"),
            std::string::npos)
      << nul.err;
}

}  // namespace
