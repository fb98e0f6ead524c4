import { idea, kpi, pain, type TemplateSpec, tp } from "./spec.ts";

/** A weekly meal-kit subscription: a loop whose last stage leads back into the first. */
export const subscriptionLoop: TemplateSpec = {
  id: "subscription-loop",
  title: "Subscription loop: weekly meal kit",
  kind: "circular",
  description:
    "The weekly cycle of a meal-kit subscriber, drawn as a loop: renewal leads straight into planning the next " +
    "week. Shows where each turn of the loop risks a skipped week or a cancellation.",
  tags: ["subscription", "retention", "circular", "b2c"],
  goal: {
    statement: "Keep subscribers in the loop by making each week easier to plan and better to cook.",
    metric: "Monthly churn and share of skipped weeks",
    target: "churn from 9 % to 6 % a month; skipped weeks from 30 % to 20 %",
  },
  scope: {
    start: "Menu for the coming week is published",
    end: "The renewal charge goes through and the next menu appears (the loop closes)",
    scenario: "A subscriber in month four, when churn usually peaks.",
  },
  stages: [
    { name: "Plan the week", description: "Picks meals from the new menu or skips the week." },
    { name: "Delivery", description: "The box arrives at the door." },
    { name: "Cook", description: "Cooks the recipes during the week.", moment: true },
    { name: "Rate and adjust", description: "Rates meals and changes preferences." },
    { name: "Renewal", description: "Is charged for the next box; leads back to planning." },
  ],
  personas: [
    {
      name: "Chloé Martin",
      age: 33,
      role: "Marketing manager",
      location: "City flat, lives with her partner",
      quote: "I pay to not think about dinner — so don't make me think about the box.",
      background:
        "Subscribed four months ago to eat better on busy weeknights. Likes the recipes but the novelty is " +
        "fading; she skips weeks when travelling and has started comparing with cheaper competitors.",
      personalGoals: ["Healthy dinners without planning", "Cook together with her partner"],
      needs: ["Variety", "Reminders before the selection deadline", "Easy skipping and pausing"],
      motivations: ["Eating well", "Saving time on shopping"],
      frustrations: ["Missing the selection deadline", "Repetitive menus", "Surprise charges"],
      preferredChannels: ["mobile_app", "email", "sms"],
      techSavviness: 4,
      purchaseFrequency: "Weekly box, three meals for two",
      decisionDrivers: ["Recipe variety", "Price per portion", "Flexibility"],
      values: ["Health", "Convenience"],
      currentSolutions: ["Supermarket delivery", "Takeaway on busy evenings"],
      segment: "Busy urban couples",
      curve: [
        [-1, "Missed the deadline, got default meals she doesn't like"],
        [1, "Box on time and well packed"],
        [2, "Cooking together is the best part of the week"],
        [0, "Rates meals but sees no change in suggestions"],
        [-2, "Charged while she thought the week was paused"],
      ],
    },
  ],
  lanes: [
    {
      type: "actions",
      cells: [
        ["Opens the menu", "Chooses three meals or skips the week"],
        ["Receives the box", "Puts ingredients in the fridge"],
        "Cooks two or three evenings",
        ["Rates the recipes", "Changes dietary preferences"],
        ["Sees the charge", "Thinks about pausing or cancelling"],
      ],
    },
    {
      type: "thoughts",
      cells: [
        "“Which week did I pause again?”",
        "“Nice, no shopping this week.”",
        "“We'd never have tried this dish ourselves.”",
        "“Does anyone read these ratings?”",
        "“Is it still worth it?”",
      ],
    },
    { type: "emotion" },
    {
      type: "touchpoints",
      cells: [
        [
          tp("Weekly menu in the app", "mobile_app", "Product"),
          tp("Deadline reminder", "email", "CRM", { frequency: "weekly" }),
        ],
        [tp("Delivery slot SMS", "sms", "Logistics"), tp("Box and packaging", "post", "Operations")],
        tp("Recipe cards and cooking videos", "video", "Culinary team"),
        tp("Rating screen", "mobile_app", "Product"),
        [
          tp("Payment and receipt email", "email", "Billing"),
          tp("Pause and cancel flow", "mobile_app", "Retention team"),
        ],
      ],
    },
    {
      type: "pain_points",
      cells: {
        "Plan the week": pain(
          "deadline",
          "Missing the selection deadline means default meals she does not want",
          "workaround",
          0.4,
          "CRM",
          30,
        ),
        "Rate and adjust": pain(
          "ratings",
          "Ratings do not visibly change the suggestions",
          "trivial",
          0.6,
          "Data science",
          90,
        ),
        Renewal: pain(
          "charge",
          "Pause settings are unclear, so unexpected charges happen",
          "abandon",
          0.15,
          "Retention team",
          30,
        ),
      },
    },
    {
      type: "ideas",
      cells: {
        "Plan the week": idea(
          "Reminder 24 hours before the deadline with one-tap “same as last week”",
          ["deadline"],
          "low",
          true,
        ),
        "Rate and adjust": idea("“Because you liked…” labels on next week's menu", ["ratings"], "medium"),
        Renewal: idea(
          "Calendar of upcoming boxes and charges on the home screen",
          ["charge"],
          "medium",
          true,
        ),
      },
    },
    {
      type: "kpis",
      cells: {
        "Plan the week": kpi("Skipped weeks", 30, 20, "%", "Order database"),
        Cook: kpi("Recipes rated 4 or 5 stars", 71, 80, "%", "Ratings"),
        Renewal: kpi("Monthly churn", 9, 6, "%", "Billing"),
      },
    },
  ],
};
