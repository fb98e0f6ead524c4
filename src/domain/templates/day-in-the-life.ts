import { idea, kpi, pain, type TemplateSpec, tp } from "./spec.ts";

/** One weekday of expecting parents, hour by hour, with a curve for each of them. */
export const dayInTheLife: TemplateSpec = {
  id: "day-in-the-life",
  title: "A day in the life of future parents",
  kind: "day_in_the_life",
  description:
    "A weekday of a couple expecting their first child, from waking up to going to bed. Stages are times of " +
    "day; each partner has a row of thoughts and an emotion curve. Use it to find where a prenatal service fits.",
  tags: ["day in the life", "healthcare", "family", "multi-persona"],
  goal: {
    statement:
      "Design prenatal support that fits into expecting parents' working days instead of competing with them.",
    metric: "Share of expecting parents attending all recommended check-ups and classes",
    target: "from 64 % to 85 %",
  },
  scope: {
    start: "The alarm rings on a workday in week 28 of pregnancy",
    end: "Both partners go to bed",
    scenario: "A working couple balances jobs, a prenatal check-up and preparing their home for the baby.",
  },
  stages: [
    { name: "06:30 Wake up", description: "Morning routine, nausea has eased but sleep is poor." },
    { name: "08:00 Commute", description: "Travel to work." },
    { name: "10:00 At work", description: "Meetings and focused work." },
    { name: "12:30 Lunch break", description: "Food, errands, messages." },
    { name: "15:00 Check-up", description: "Prenatal appointment at the clinic.", moment: true },
    { name: "18:30 Evening", description: "Dinner, preparing the nursery, reading." },
    { name: "22:30 Bedtime", description: "Winding down, worries and plans." },
  ],
  personas: [
    {
      name: "Lena Hart",
      age: 31,
      role: "Architect, 28 weeks pregnant",
      location: "Two-room flat in the city",
      quote: "I want to be prepared without my whole day revolving around appointments.",
      background:
        "Expecting her first child. Works full time in a busy studio and plans to work until six weeks before " +
        "the due date. Reads a lot online and feels overwhelmed by contradictory advice.",
      personalGoals: ["A healthy pregnancy", "Feel ready for the birth"],
      professionalGoals: ["Hand over her projects calmly"],
      needs: ["Appointments that fit her workday", "Trustworthy information", "Rest"],
      motivations: ["Her baby's health", "Keeping some normality"],
      frustrations: ["Waiting rooms", "Contradictory advice online", "Forms asking the same questions"],
      preferredChannels: ["mobile_app", "web", "chat"],
      techSavviness: 4,
      decisionDrivers: ["Midwife's advice", "Recommendations from friends"],
      values: ["Preparedness", "Balance"],
      currentSolutions: ["Pregnancy tracker app", "Friends' group chat"],
      segment: "First-time working parents",
      curve: [
        [-1, "Slept badly; back pain"],
        [-1, "Crowded train, nobody offers a seat"],
        [1, "Good meeting, colleagues supportive"],
        [0, "Rushes errands, skips a proper meal"],
        [-2, "Waits 50 minutes, then a rushed 10-minute check-up"],
        [2, "Assembles the cot together; feels the baby kick"],
        [-1, "Worries about the birth plan"],
      ],
    },
    {
      name: "Jonas Hart",
      age: 33,
      role: "Software tester, future father",
      location: "Two-room flat in the city",
      quote: "I want to be involved, but most of it is organised as if I weren't there.",
      background:
        "Works in a team with fixed release days. Wants to attend every appointment but can rarely leave at " +
        "short notice; feels like an outsider in prenatal services aimed at mothers.",
      personalGoals: ["Be an involved father from the start", "Support Lena"],
      needs: ["Appointment times known weeks ahead", "Information meant for partners too"],
      motivations: ["Family", "Doing things properly"],
      frustrations: ["Being left out of communication", "Last-minute schedule changes"],
      preferredChannels: ["mobile_app", "email"],
      techSavviness: 5,
      decisionDrivers: ["Practical information", "Lena's preferences"],
      values: ["Partnership", "Reliability"],
      currentSolutions: ["Shared calendar", "Forums for future fathers"],
      segment: "First-time working parents",
      curve: [
        [0, "Makes breakfast, checks the tracker app"],
        [0, "Listens to a parenting podcast"],
        [-1, "Release day clashes with the check-up"],
        [1, "Orders the pram they chose together"],
        [-2, "Misses the check-up; gets the news second-hand"],
        [2, "Building the cot, feeling useful"],
        [0, "Reads about birth classes for partners"],
      ],
    },
  ],
  lanes: [
    {
      type: "actions",
      name: "Activities",
      cells: [
        "Breakfast, vitamins, checking the pregnancy app",
        "Train ride; Jonas cycles",
        "Work; Lena books the next appointment by phone",
        "Quick errands and messages about baby gear",
        "Lena at the clinic; Jonas follows by text",
        "Dinner, nursery preparations, reading",
        "Talking about the birth plan, going to sleep",
      ],
    },
    {
      type: "thoughts",
      name: "Lena thinks",
      persona: 0,
      cells: [
        "“Another night of bad sleep.”",
        "“Should I ask for a seat?”",
        "“Six more weeks to hand everything over.”",
        "“I forgot to eat properly again.”",
        "“Was that it? I had more questions.”",
        "“It's real now.”",
        "“What if something goes wrong?”",
      ],
    },
    {
      type: "thoughts",
      name: "Jonas thinks",
      persona: 1,
      cells: [
        "“How is she feeling today?”",
        "“I should learn more about the birth.”",
        "“I can't leave during the release.”",
        "“At least I can organise the gear.”",
        "“I hate missing these.”",
        "“Finally something I can do.”",
        "“I'll sign us up for the partner class.”",
      ],
    },
    { type: "emotion" },
    {
      type: "touchpoints",
      cells: [
        tp("Pregnancy tracker app", "mobile_app", "Digital health team", { frequency: "daily" }),
        tp("Parenting podcast", "other", "Health education"),
        tp("Clinic phone line for appointments", "phone", "Clinic reception"),
        tp("Baby store website", "web", "Retail partner"),
        [
          tp("Clinic waiting room and check-up", "in_store", "Midwives"),
          tp("Text messages between partners", "sms", "Digital health team"),
        ],
        tp("Online antenatal class videos", "video", "Health education"),
        tp("Birth plan form", "web", "Midwives"),
      ],
    },
    {
      type: "pain_points",
      cells: {
        "10:00 At work": pain(
          "booking",
          "Appointments can only be booked by phone during working hours",
          "workaround",
          0.6,
          "Clinic reception",
          60,
        ),
        "15:00 Check-up": [
          pain(
            "wait",
            "Long waits followed by a rushed check-up leave questions unanswered",
            "workaround",
            0.55,
            "Midwives",
            45,
          ),
          pain(
            "partner",
            "Partners cannot join remotely and receive no information",
            "workaround",
            0.45,
            "Digital health team",
            90,
          ),
        ],
        "22:30 Bedtime": pain(
          "worry",
          "Night-time worries with nowhere reliable to turn",
          "trivial",
          0.4,
          "Health education",
          120,
        ),
      },
    },
    {
      type: "ideas",
      cells: {
        "10:00 At work": idea(
          "Online booking with early-morning and evening slots",
          ["booking"],
          "medium",
          true,
        ),
        "15:00 Check-up": [
          idea(
            "Send questions ahead and get a written summary after the check-up",
            ["wait", "partner"],
            "low",
            true,
          ),
          idea("Let the partner join the check-up by video", ["partner"], "medium"),
        ],
        "22:30 Bedtime": idea(
          "Curated night-time FAQ and a midwife chat with next-morning answers",
          ["worry"],
          "medium",
        ),
      },
    },
    {
      type: "kpis",
      cells: {
        "10:00 At work": kpi("Appointments booked online", 0, 60, "%", "Clinic scheduling"),
        "15:00 Check-up": kpi("Average waiting time", 50, 15, "min", "Clinic scheduling"),
        "18:30 Evening": kpi("Couples completing the class series", 64, 85, "%", "Learning platform"),
      },
    },
  ],
};
