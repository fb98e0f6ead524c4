import {
  PURCHASE_VS_HELP_LANES as L,
  PURCHASE_VS_HELP_STAGES,
  PURCHASE_VS_HELP_TAG,
} from "./ecommerce-purchase.ts";
import { idea, kpi, pain, type TemplateSpec, tp } from "./spec.ts";

/** Seeking help from an NGO in a crisis; the non-profit half of a pair with `ecommerce-purchase`. */
export const ngoHelpSeeking: TemplateSpec = {
  id: "ngo-help-seeking",
  title: "Seeking help from an NGO",
  kind: "current_state",
  description:
    "A person in crisis looks for shelter and psychological support from a charitable foundation. Shares its " +
    "stages and lanes with the e-commerce map, which shows how different the feelings and the barriers are.",
  tags: ["ngo", "non-profit", "social services", "comparison", PURCHASE_VS_HELP_TAG],
  goal: {
    statement:
      "Help more people in crisis reach the right support quickly, and show donors the difference it makes.",
    metric: "Share of cases where the problem is solved or the condition improved within 30 days",
    target: "from 45 % to 65 %",
  },
  scope: {
    start: "A crisis leaves the person without a safe place to stay",
    end: "The person is housed and in regular contact with a counsellor",
    scenario:
      "A woman who fled her home looks for shelter and psychological help in a city she barely knows.",
  },
  stages: [...PURCHASE_VS_HELP_STAGES],
  personas: [
    {
      name: "Olena Marchuk",
      age: 41,
      role: "Accountant, currently unemployed",
      location: "Recently arrived in the city",
      quote: "I don't know who to trust, and I can't tell my story ten times.",
      background:
        "Had to leave her home suddenly with her teenage son. Has a phone and some savings but no local contacts, " +
        "and her documents are incomplete. Relies on acquaintances and volunteer groups on social networks.",
      personalGoals: ["A safe place for her and her son", "Stability and a job again"],
      needs: [
        "Shelter within days",
        "Psychological support",
        "Help with paperwork",
        "Information in her language",
      ],
      motivations: ["Her son's safety", "Regaining control"],
      frustrations: [
        "Bureaucracy",
        "Having to prove her status again and again",
        "A hotline that rarely answers",
      ],
      preferredChannels: ["word_of_mouth", "social", "phone", "chat"],
      techSavviness: 3,
      decisionDrivers: ["Trust through acquaintances", "Speed", "Dignity"],
      values: ["Safety", "Family", "Independence"],
      currentSolutions: ["Stays with a distant acquaintance", "Asks in volunteer chat groups"],
      segment: "People in acute crisis",
      curve: [
        [-3, "Anxiety and fear: no safe place for tonight"],
        [-2, "Confusion and distrust: contradictory advice in chat groups"],
        [-1, "A volunteer recommends a foundation she has heard of"],
        [-3, "Hotline busy for days; asked for documents she does not have"],
        [1, "Housed, with a counsellor she trusts"],
      ],
    },
  ],
  lanes: [
    {
      type: "actions",
      name: L.actions,
      cells: [
        "Realises she needs shelter and help for herself and her son",
        ["Asks acquaintances", "Posts in volunteer groups on social networks"],
        "Chooses the foundation an acquaintance vouches for",
        ["Calls the hotline", "Fills in an intake form", "Gathers proof of status"],
        [
          "Moves into temporary housing",
          "Starts sessions with a psychologist",
          "Tells others about the foundation",
        ],
      ],
    },
    {
      type: "thoughts",
      name: L.thoughts,
      cells: [
        "Anxiety, fear",
        "Confusion and distrust: “Is this group even real?”",
        "Cautious hope",
        "Exhaustion: “Why do they need this paper again?”",
        "Relief, first sense of safety",
      ],
    },
    { type: "emotion" },
    {
      type: "touchpoints",
      name: L.touchpoints,
      cells: [
        tp("Conversation with acquaintances", "word_of_mouth", "Outreach"),
        [
          tp("Volunteer groups on social networks", "social", "Outreach"),
          tp("Foundation website", "web", "Communications"),
        ],
        tp("Recommendation from a trusted volunteer", "word_of_mouth", "Volunteer coordination"),
        [
          tp("Hotline", "phone", "Case management", { frequency: "several calls" }),
          tp("Intake form", "web", "Case management"),
        ],
        [
          tp("Shelter staff", "in_store", "Housing programme"),
          tp("Counselling sessions", "video", "Psychological support"),
        ],
      ],
    },
    {
      type: "pain_points",
      name: L.pains,
      cells: {
        "Search for information": pain(
          "scattered",
          "Information is scattered across unofficial groups and hard to verify",
          "workaround",
          0.7,
          "Communications",
          60,
        ),
        "Get through the process": [
          pain(
            "hotline",
            "The hotline is slow to answer and calls drop",
            "abandon",
            0.5,
            "Case management",
            30,
          ),
          pain(
            "proof",
            "She has to prove her status with documents she lost",
            "abandon",
            0.35,
            "Legal aid",
            45,
          ),
          pain(
            "bureaucracy",
            "The same story is collected again by each department",
            "workaround",
            0.6,
            "Case management",
            60,
          ),
        ],
      },
    },
    {
      type: "ideas",
      name: L.ideas,
      cells: {
        "Search for information": idea(
          "Verified foundation profile pinned in the main volunteer groups",
          ["scattered"],
          "low",
          true,
        ),
        "Get through the process": [
          idea("Call-back queue and a messenger channel instead of a busy hotline", ["hotline"], "medium"),
          idea("Accept a sworn statement while documents are being restored", ["proof"], "medium"),
          idea("One shared case file so she tells her story once", ["bureaucracy"], "high"),
        ],
      },
    },
    {
      type: "kpis",
      name: L.kpis,
      cells: {
        "Search for information": kpi("Requests arriving via trusted referrals", 40, 60, "%", "Intake form"),
        "Get through the process": kpi("Days from first contact to shelter", 9, 3, "days", "Case records"),
        Outcome: [
          kpi("Cases with the problem solved", 45, 65, "%", "Case records"),
          kpi("Clients reporting improved condition", 52, 70, "%", "Follow-up survey"),
          kpi("Donations attracted by client stories", 18000, 25000, "€/quarter", "Fundraising CRM"),
        ],
      },
    },
  ],
};
