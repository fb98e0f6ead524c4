import { idea, kpi, pain, type TemplateSpec, tp } from "./spec.ts";

/** A SaaS trial from "try it free" to the buy decision, with the persona's back-story as lanes. */
export const softwareEvaluation: TemplateSpec = {
  id: "software-evaluation",
  title: "Evaluating a knowledge-sharing tool",
  kind: "user_journey",
  description:
    "Alana, a project manager, trials a team knowledge base to stop knowledge living in email threads. " +
    "Lanes follow her back-story from pain point to requirement, outcome and top goal, stage by stage.",
  tags: ["saas", "b2b", "trial", "product-led growth"],
  goal: {
    statement:
      "Help evaluating teams reach their first shared page in the first session so more trials convert.",
    metric: "Trial-to-paid conversion",
    target: "from 9 % to 15 % within two quarters",
  },
  scope: {
    start: "Alana clicks “Try it free” on the pricing page",
    end: "Alana recommends buying (or not) to her director",
    scenario: "A 14-day team trial run by a project manager for a team of twelve.",
  },
  stages: [
    { name: "Start the trial", description: "Signs up from the website." },
    { name: "First session", description: "Explores the empty workspace." },
    { name: "Invite the team", description: "Brings colleagues in.", moment: true },
    { name: "Daily use", description: "The team writes and finds pages during real work." },
    { name: "Evaluate", description: "Compares with alternatives and checks cost and security." },
    { name: "Decide", description: "Builds the case and asks for budget." },
  ],
  personas: [
    {
      name: "Alana",
      age: 38,
      role: "Project manager",
      location: "Mid-sized engineering consultancy, hybrid work",
      quote: "I want my team to find answers without sending me another email.",
      background:
        "Runs three client projects with a team of twelve. Project knowledge lives in long email threads and in " +
        "people's heads, so new joiners keep asking the same questions. Has budget influence but not sign-off.",
      professionalGoals: ["Team shares knowledge without endless email", "Faster onboarding of new joiners"],
      personalGoals: ["Fewer interruptions, more focused time"],
      needs: ["Quick set-up", "Templates for project pages", "Search that works", "Clear pricing"],
      motivations: ["Being seen as the person who fixed the knowledge mess"],
      frustrations: [
        "Tools nobody adopts",
        "Long sales calls before seeing a price",
        "Security questionnaires",
      ],
      preferredChannels: ["web", "email", "video"],
      techSavviness: 4,
      decisionDrivers: ["Team adoption in the trial", "Price per seat", "Integrations with email and chat"],
      values: ["Efficiency", "Transparency"],
      currentSolutions: ["Email threads", "A shared drive with outdated documents"],
      segment: "Team leads in professional services",
      curve: [
        [1, "Hopeful: sign-up took a minute"],
        [-1, "Blank workspace, unsure where to start"],
        [-2, "Colleagues ignore the invitation email"],
        [2, "First question answered by a page instead of an email"],
        [0, "Security questionnaire and pricing tiers take time"],
        [1, "Has numbers from the trial to show her director"],
      ],
    },
  ],
  lanes: [
    {
      type: "actions",
      cells: [
        "Clicks “Try it free”, signs up with work email",
        "Opens the workspace, tries to create a first page",
        "Invites the team by email",
        ["Moves the project FAQ into the tool", "Answers questions with links"],
        ["Checks security and pricing pages", "Compares with two alternatives"],
        "Writes a one-page recommendation",
      ],
    },
    {
      type: "pain_points",
      name: "Pain point (back-story)",
      cells: {
        "First session": pain(
          "blank",
          "Empty workspace with no project template",
          "workaround",
          0.55,
          "Product – onboarding",
          45,
        ),
        "Invite the team": pain(
          "invites",
          "Invitation emails look like spam and few colleagues join",
          "abandon",
          0.4,
          "Growth",
          30,
        ),
        Evaluate: pain(
          "security",
          "Security answers are buried in a PDF; pricing tiers are unclear",
          "workaround",
          0.3,
          "Sales",
          60,
        ),
      },
    },
    {
      type: "expectations",
      name: "Requirement",
      cells: [
        "No credit card to start",
        "A ready-made project space",
        "Colleagues can join in one click",
        "Search finds pages and attachments",
        "SSO and a clear data-protection answer",
        "A price she can justify per seat",
      ],
    },
    {
      type: "text",
      name: "Outcome",
      cells: [
        "Trial running in minutes",
        "First page published",
        "Most of the team active",
        "Fewer “where is…?” emails",
        "Security sign-off",
        "Budget request submitted",
      ],
    },
    {
      type: "goals",
      name: "Top goal",
      cells: [
        "Team shares knowledge without endless email",
        "Team shares knowledge without endless email",
        "Team shares knowledge without endless email",
        "Team shares knowledge without endless email",
        "Team shares knowledge without endless email",
        "Team shares knowledge without endless email",
      ],
    },
    { type: "emotion" },
    {
      type: "touchpoints",
      cells: [
        tp("Pricing page and sign-up form", "web", "Growth"),
        tp("In-app onboarding checklist", "web", "Product – onboarding"),
        tp("Invitation email", "email", "Growth"),
        [
          tp("Editor and search", "web", "Product – core"),
          tp("Chat integration", "chat", "Product – integrations"),
        ],
        [tp("Security page", "web", "Security"), tp("Sales call", "video", "Sales")],
        tp("Quote and order form", "email", "Sales"),
      ],
    },
    {
      type: "ideas",
      cells: {
        "First session": idea("Offer a “project space” template on the first screen", ["blank"], "low", true),
        "Invite the team": idea(
          "Invite links shareable in team chat, with the inviter's name on them",
          ["invites"],
          "medium",
        ),
        Evaluate: idea("Public trust centre page and a price calculator", ["security"], "medium"),
      },
    },
    {
      type: "kpis",
      cells: {
        "First session": kpi("Trials publishing a page on day 1", 35, 60, "%", "Product analytics"),
        "Invite the team": kpi("Invited colleagues who join", 28, 50, "%", "Product analytics"),
        Decide: kpi("Trial-to-paid conversion", 9, 15, "%", "Billing"),
      },
    },
  ],
};
