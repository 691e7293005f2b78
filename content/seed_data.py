"""The guide's starting text, as plain data that `seed_content` loads once.

Written in plain words from the Open Source Health chronic-pain guide (shared/seed). Doses, times
and mechanisms are kept exactly as the guide gives them; where the guide gives no dose or time,
the text says so instead of inventing one. Editors own the text after the first load: the seed
never overwrites a row that already exists.
"""

import datetime
from textwrap import dedent

REVIEW = {
    "status": "published",
    "last_reviewed": datetime.date(2026, 11, 24),
    "review_due": datetime.date(2027, 11, 24),
    "reviewed_by": "PainMap editorial team",
}


def _md(text: str) -> str:
    return dedent(text).strip() + "\n"


# --------------------------------------------------------------------------------------------
# Presentation types (the root cause map)
# --------------------------------------------------------------------------------------------

TYPES = [
    {
        "code": "peripheral",
        "order": 1,
        "name": "Peripheral (tissue-driven) pain",
        "summary": (
            "Pain kept going by the body part itself. After an injury or a long spell of "
            "inflammation, the pain sensors in that area become easier to set off, and ongoing "
            "inflammation can keep them that way even after the tissue has healed."
        ),
        "drivers": _md(
            """
            - An injury, or inflammation that has gone on for a long time
            - Ongoing inflammation in the area, which keeps local pain sensors on a hair trigger
              after the tissue has healed
            - Whole-body inflammation from food and drink: ultra-processed foods, refined sugar,
              seed oils and a lot of alcohol
            - Years of regular anti-inflammatory painkillers (NSAIDs), which can harm the gut
              lining and add to inflammation across the body
            """
        ),
        "what_helps": _md(
            """
            - An anti-inflammatory way of eating, which can lower inflammation markers within
              6 to 8 weeks
            - Omega-3 (EPA and DHA) and a well-absorbed form of curcumin, to calm inflammation
            - Palmitoylethanolamide (PEA), which calms inflammation at the nerve level
            - Graded movement, starting below the level that causes a flare
            - Magnesium, which eases muscle tension and helps sleep
            """
        ),
    },
    {
        "code": "central",
        "order": 2,
        "name": "Central sensitisation",
        "summary": (
            "Pain turned up by the nervous system. After months of pain signals, the spinal "
            "cord and brain can start to amplify them, so ordinary touch or movement hurts and "
            "pain spreads, even without much coming from the tissue."
        ),
        "drivers": _md(
            """
            - Pain signals that have carried on for about 3 to 6 months or more
            - Changes in the spinal cord and the brain's pain areas that turn the volume up
            - Overactive NMDA receptors, a key switch in this amplifying process
            - Poor sleep: even one bad night makes pain more sensitive the next day
            - Long-term opioids, which can make the pain system more sensitive
              (opioid-induced hyperalgesia)
            - Treatment that only targets a structure, such as a disc, while the sensitised
              nervous system is never treated
            """
        ),
        "what_helps": _md(
            """
            - Pain neuroscience education: learning how pain works lowers the threat
            - Graded movement, which sends the nervous system signals of safety
            - Sleep restoration, treated as a main part of the plan
            - Magnesium, which blocks NMDA receptors
            - Palmitoylethanolamide (PEA) and omega-3, to calm inflammation in nerves
            - Low-dose naltrexone, which needs a prescription and cannot be used with opioids
            - Somatic therapy, especially where there is trauma in the background
            """
        ),
    },
    {
        "code": "stress_driven",
        "order": 3,
        "name": "Stress-driven pain",
        "summary": (
            "Pain made worse by the total load of stress on the body. When the nervous system "
            "is stuck on high alert, from stress, poor sleep, past trauma or being cut off from "
            "other people, it sets the pain threshold lower."
        ),
        "drivers": _md(
            """
            - Long-lasting emotional stress, which raises cortisol and adrenaline
            - Unresolved trauma, including hard experiences in childhood
            - Not enough sleep, night after night
            - Inflammation in the gut
            - Low levels of nutrients the body needs
            - Social isolation
            """
        ),
        "what_helps": _md(
            """
            - Somatic therapy (for example Somatic Experiencing, EMDR or Internal Family
              Systems) to settle the body's threat response
            - Sleep restoration
            - Pain neuroscience education
            - Graded movement
            - Magnesium, which eases muscle tension and helps sleep
            - An anti-inflammatory way of eating
            - Time with other people: connection is part of calming the nervous system
            """
        ),
    },
    {
        "code": "neuropathic",
        "order": 4,
        "name": "Neuropathic (nerve) pain",
        "summary": (
            "Pain that comes from damage to, or illness of, the nerves themselves, often felt "
            "as burning, tingling or numbness in the feet or hands. What helps depends on what "
            "is harming the nerves, so finding the cause comes first."
        ),
        "drivers": _md(
            """
            - High blood sugar in diabetes, which damages nerves over time while it is not
              controlled
            - Low vitamin B12: the shortage can be "functional", so standard blood tests may
              miss it
            - Small fibre neuropathy, which standard nerve conduction tests often miss; a small
              skin sample (punch biopsy) is needed to find it
            - Inflammation in and around the nerves
            """
        ),
        "what_helps": _md(
            """
            - Finding the cause, if it has never been fully looked into
            - Blood-sugar control, the main treatment for diabetic neuropathy
            - Alpha-lipoic acid, 600 mg a day, for diabetic neuropathy
            - Methylcobalamin (active B12), 1,000 to 5,000 mcg a day, for neuropathy from low B12
            - Palmitoylethanolamide (PEA), including for small fibre neuropathy
            - Omega-3, which nerves need to work normally
            """
        ),
    },
]


# --------------------------------------------------------------------------------------------
# Articles
# --------------------------------------------------------------------------------------------

ARTICLES = [
    {
        "slug": "what-chronic-pain-is",
        "section": "general",
        "order": 0,
        "title": "What chronic pain is",
        "summary": (
            "Short-term pain is an alarm that switches off when the body heals. Pain that lasts "
            "longer than about 3 to 6 months works differently: the nervous system itself has "
            "changed, and that change can be worked on."
        ),
        "types": ["peripheral", "central", "stress_driven", "neuropathic"],
        "body": _md(
            """
            ## Acute pain: an alarm that does its job

            When you cut your finger or twist your ankle, pain sensors in the hurt tissue fire.
            The signal travels up to the brain, and the brain makes the feeling of pain so that
            you protect the injured part. This is the system working well. When the tissue
            heals, the signal stops and so does the pain.

            ## Chronic pain: the alarm system itself has changed

            When pain signals keep going for about 3 to 6 months, the nervous system starts to
            change, in how it is built and in how it works. Pain nerves become more sensitive.
            They fire more easily, and they can fire in response to things that should not hurt
            at all. This is called **central sensitisation**. It is one of the main reasons pain
            can carry on long after the first injury has healed.

            ## Why a scan may not explain your pain

            A scan may show a worn disc, arthritis or thin cartilage. In a sensitised nervous
            system, that finding may not be the main thing driving the pain. Research keeps
            finding that what scans show and how much pain people feel do not match well. Some
            people with big changes on a scan feel no pain. Others with small changes cannot
            work because of pain. What the nervous system makes of a signal counts for more than
            the signal.

            ## The load the body is carrying

            Poor sleep, stress, past trauma, inflammation in the gut and low levels of
            nutrients all add to the body's total stress load. Together they keep the nervous
            system on high alert, and that lowers the pain threshold. This is why pain so often
            flares in hard times, and why treating the pain alone usually only helps in part.

            ## What this means for you

            - Your pain is real. Chronic pain is a real change in how the nervous system works.
            - A change that was learned can be unlearned. The brain and nerves can change back
              when they are given the right conditions.
            - Looking at sleep, stress, inflammation and movement is not a side issue. These are
              part of how pain works, so they are part of how it eases.
            """
        ),
    },
    # Why pain persists -------------------------------------------------------------------
    {
        "slug": "peripheral-sensitisation",
        "section": "mechanism",
        "order": 1,
        "title": "Peripheral sensitisation: when the pain sensors stay on alert",
        "summary": (
            "After an injury, pain sensors in the area become easier to set off, to protect the "
            "healing tissue. In chronic pain this can carry on after healing, kept going by "
            "inflammation in that area."
        ),
        "types": ["peripheral"],
        "body": _md(
            """
            ## A protective change

            Your tissues are full of pain sensors, called nociceptors. After an injury, or when
            an area has been inflamed for a long time, these sensors lower the level at which
            they fire. It takes less to set them off. This is useful for a while: it makes you
            careful with the part of the body that is healing.

            ## When it does not switch off

            In chronic pain, this extra sensitivity can stay after the tissue has healed. What
            keeps it going is ongoing inflammation in that area. The sensors keep firing with
            less of a trigger, so everyday pressure or movement can still hurt.

            ## What feeds the inflammation

            Inflammation is not only local. Ultra-processed foods, refined sugar, seed oils and
            a lot of alcohol all add to inflammation across the body, and that keeps pain
            sensors sensitive. Long-term use of anti-inflammatory painkillers (NSAIDs) can also
            harm the gut lining and add to inflammation over time.

            ## What this means for you

            - The pain is real: the sensors really are firing more easily.
            - Calming inflammation is a direct way to turn them down. Food, omega-3, curcumin
              and palmitoylethanolamide (PEA) all act on inflammation.
            - Gentle, graded movement helps too. It lowers inflammation markers and tells the
              nervous system the area is safe.
            """
        ),
    },
    {
        "slug": "central-sensitisation",
        "section": "mechanism",
        "order": 2,
        "title": "Central sensitisation: when the volume gets turned up",
        "summary": (
            "Months of pain signals can change the spinal cord and brain so that they amplify "
            "pain. Touch that should not hurt does, and pain can spread to nearby areas."
        ),
        "types": ["central"],
        "body": _md(
            """
            ## The amplifier in the spinal cord and brain

            Pain signals from the body pass through a part of the spinal cord called the
            dorsal horn, then on to the brain's pain areas. When pain signals keep arriving for
            months, these areas change. The system that amplifies pain becomes overactive.

            ## What it can feel like

            - Things that should not hurt, such as light touch or clothing, do hurt.
            - Pain spreads from one area into the areas next to it.
            - Pain carries on even when there is no clear problem left in the tissue.

            The nervous system has, in effect, learned to make pain. This usually happens after
            about 3 to 6 months of ongoing pain.

            ## Why it matters

            Central sensitisation explains why treating only the original injury often does not
            stop the pain. If the amplifier stays turned up, fixing a disc or a joint does not
            reset it. Fibromyalgia is one of the best-studied examples of central
            sensitisation.

            ## What this means for you

            - Your pain is real. The amplification is a measurable change in the nervous system.
            - What was learned can be unlearned. Things that calm the nervous system can help:
              understanding how pain works, graded movement, better sleep, and magnesium, which
              blocks NMDA receptors, a key switch in this process.
            - Ask whether your nervous system has been assessed, not only the place that hurts.
            """
        ),
    },
    {
        "slug": "brain-changes",
        "section": "mechanism",
        "order": 3,
        "title": "Brain changes: the brain can learn pain, and unlearn it",
        "summary": (
            "Long-term pain brings measurable changes in the brain, including less grey matter "
            "in the front of the brain. The hopeful part: the brain can change back."
        ),
        "types": ["central"],
        "body": _md(
            """
            ## Changes you can measure

            Brain scans of people with long-term pain show real changes. Grey matter in the
            prefrontal cortex, the front part of the brain, shrinks. Networks that handle pain
            become more active. These are physical changes, not imagination.

            ## Change works both ways

            The brain's ability to change is called neuroplasticity. It is how the brain learned
            to produce pain, and it is also how it can learn to stop. Given the right
            conditions, the brain can unlearn pain as well as it learned it. Studies have found
            that some of these brain changes can reverse when pain is treated well.

            ## What this means for you

            - This is about how the brain is wired, not about weakness or imagination.
            - Safe movement, good sleep, lower stress and understanding pain all give the brain
              what it needs to recalibrate.
            - Change takes time. Think in weeks and months rather than days.
            """
        ),
    },
    {
        "slug": "allostatic-load",
        "section": "mechanism",
        "order": 4,
        "title": "Allostatic load: the weight the nervous system is carrying",
        "summary": (
            "Poor sleep, stress, trauma, inflammation, missing nutrients and loneliness add up. "
            "The bigger the total load, the lower the pain threshold."
        ),
        "types": ["stress_driven"],
        "body": _md(
            """
            ## What allostatic load means

            Allostatic load is the total wear on the body from stress of every kind, added up
            over time. Each thing on its own might be manageable. Together, they keep the
            nervous system on high alert.

            ## What adds to the load

            - Not enough sleep
            - Emotional stress
            - Trauma that has not been worked through
            - Inflammation, including in the gut
            - Low levels of nutrients
            - Being cut off from other people

            Each of these lowers the point at which the nervous system produces pain.

            ## Why pain flares in hard times

            Chronic pain rarely happens on its own. It happens in a life, with everything else
            that is going on. This is why pain so often gets worse during stressful periods, and
            why treating the pain without the things feeding it usually only helps in part.

            ## What this means for you

            - Noticing that stress or poor sleep makes your pain worse is not "all in your
              head". It is biology.
            - Each part of the load you lighten can lower the pain threshold: sleep, stress,
              food, movement and time with other people all count.
            - These are real treatments, to use alongside other care, not instead of it.
            """
        ),
    },
    # What care gets wrong ----------------------------------------------------------------
    {
        "slug": "opioids-and-hyperalgesia",
        "section": "care_gap",
        "order": 1,
        "title": "Opioids: when painkillers make pain more sensitive",
        "summary": (
            "Taken for a long time for pain that is not from cancer, opioids do not improve "
            "daily life, and they can make the pain system more sensitive. This is called "
            "opioid-induced hyperalgesia."
        ),
        "types": ["central"],
        "body": _md(
            """
            ## Opioids have a place

            Strong painkillers such as morphine, oxycodone and codeine can give real relief in
            the right situation, for example for a short time after surgery. The problem is
            long-term use for chronic pain that is not caused by cancer.

            ## What the research shows about long-term use

            Over months and years, opioids:

            - do not improve how well people can get on with daily life
            - do not lower pain in the long run, because the body gets used to them (tolerance)
              and because of opioid-induced hyperalgesia
            - raise the risk of dependence, overdose and worse pain sensitivity

            ## Opioid-induced hyperalgesia

            This is a known effect: taking opioids can itself lower the pain threshold. It can
            set up a cycle where more medicine leads to more pain sensitivity, not less. Many
            people in this cycle were never told it could happen.

            ## What this means for you

            - Do not stop or change opioids suddenly on your own. Talk to your prescriber.
            - If a taper makes your pain worse, that is a known effect, not a sign you are doing
              it wrong. A slow taper with support for the nervous system makes it easier.
            - Low-dose naltrexone is **not** compatible with opioid therapy.
            """
        ),
    },
    {
        "slug": "imaging-findings",
        "section": "care_gap",
        "order": 2,
        "title": "Scan findings: what your MRI can and cannot tell you",
        "summary": (
            "About 80% of people over 50 have disc changes on an MRI, and most of them have no "
            "pain. A finding on your scan may not be what is causing the pain you feel."
        ),
        "types": ["central", "peripheral"],
        "body": _md(
            """
            ## Disc changes are common, with or without pain

            About 80% of people over 50 have disc changes on an MRI scan. Most of them have no
            pain at all. Discs change with age, much like skin gets wrinkles.

            ## How a finding becomes "the cause"

            When someone with long-term back pain has an MRI and it shows a bulging disc, they
            are often told the disc explains the pain. That may not be true. Research comparing surgery with
            non-surgical care for back pain find little difference in the long run for most
            people.

            The disc gets treated, but a sensitised nervous system does not. The pain carries
            on, and now it is tied to a scan result that makes it feel permanent.

            ## When surgery is more likely to help

            Surgery tends to do better when there is a clear, severe structural problem: for
            example, a trapped nerve root causing weakness, or a disc problem with proven nerve
            pain down the leg that has not got better with other care. It rarely gives lasting
            relief when pain is widespread, symptoms are spread out, distress is high and sleep
            is poor.

            ## What this means for you

            - A scan finding is not a life sentence. Many people with the same finding have no
              pain.
            - Ask whether your nervous system, sleep, inflammation and stress have been looked
              at, not only your spine.
            - If your leg or arm is getting weaker, or you have new trouble with your bladder or
              bowel, get urgent medical help.
            """
        ),
    },
    {
        "slug": "fibromyalgia",
        "section": "care_gap",
        "order": 3,
        "title": "Fibromyalgia: a nervous system condition, not a local one",
        "summary": (
            "In pain research, fibromyalgia is understood as central sensitisation. Treatments "
            "aimed at one sore spot give limited results because the problem sits in the "
            "nervous system."
        ),
        "types": ["central"],
        "body": _md(
            """
            ## What fibromyalgia is

            Fibromyalgia brings widespread tender spots, pain from touch that should not hurt
            (allodynia), tiredness and broken sleep. All of these are signs of a sensitised
            central nervous system. Pain researchers agree on this. It is mainly in everyday
            clinical practice that it is still questioned.

            ## Why local treatment falls short

            If the problem sits in the central nervous system, treating one sore muscle or joint
            can only help that spot, at best. The nervous system's settings are never dealt with,
            so the condition does not really improve.

            ## Medicines are one option among several

            The medicines most often prescribed for fibromyalgia (pregabalin, duloxetine and
            milnacipran) help a little and can have side effects. They are reasonable to try.
            But they are rarely offered alongside the non-drug approaches, which can do as well
            or better in the long run:

            - learning how pain works (pain neuroscience education)
            - graded aerobic exercise, one of the best-supported treatments there is
            - restoring sleep
            - low-dose naltrexone, which has shown benefit in trials (prescription only)
            - eating to lower inflammation
            - trauma-informed somatic therapy

            ## What this means for you

            - Fibromyalgia is real, and it is well studied.
            - There is more you can do than medicines alone. Bring this list to your next
              appointment.
            """
        ),
    },
    {
        "slug": "nsaids-and-the-gut",
        "section": "care_gap",
        "order": 4,
        "title": "Anti-inflammatory painkillers and the gut",
        "summary": (
            "NSAIDs such as ibuprofen and naproxen ease pain in the short term. Used for a long "
            "time, they can damage the gut lining and add to the inflammation they are meant "
            "to calm."
        ),
        "types": ["peripheral"],
        "body": _md(
            """
            ## How NSAIDs work

            NSAIDs (non-steroidal anti-inflammatory drugs, such as ibuprofen, naproxen and
            diclofenac) block enzymes called cyclooxygenases (COX). This cuts the amount of
            prostaglandins the body makes. In the short term, that reduces inflammation and
            pain.

            ## What happens with long-term use

            Taken every day for a long time, NSAIDs can:

            - damage the lining of the gut and make it leaky (intestinal permeability)
            - drive inflammation across the whole body
            - block the prostaglandins that keep the stomach lining safe, which can cause ulcers
              and bleeding

            ## A cycle

            So a medicine taken to calm inflammation can harm the gut, and gut damage adds to
            inflammation. Many people take NSAIDs every day without knowing about this cycle.

            ## What this means for you

            - Do not stop a prescribed medicine without talking to your doctor or pharmacist,
              but do ask whether daily NSAIDs are still right for you.
            - Black or tarry stools, vomiting blood, or stomach pain that will not go away need
              urgent medical help.
            - Other ways to calm inflammation, such as food, omega-3 and curcumin, do not harm
              the gut in this way.
            """
        ),
    },
    {
        "slug": "trauma-and-aces",
        "section": "care_gap",
        "order": 5,
        "title": "Trauma, childhood adversity and pain",
        "summary": (
            "The more hard experiences someone had in childhood, the more likely they are to "
            "live with chronic pain as an adult. Unresolved trauma keeps the nervous system on "
            "high alert, and most pain services never ask about it."
        ),
        "types": ["stress_driven"],
        "body": _md(
            """
            ## What the ACE studies found

            The Adverse Childhood Experiences (ACE) studies looked at hard experiences in
            childhood, such as abuse, neglect or a very difficult home life. They found a
            dose-response link: the more of these experiences someone had, the higher their
            chance of chronic pain as an adult.

            ## How trauma keeps pain going

            Trauma that has not been worked through keeps the nervous system in a constant state
            of threat. When the nervous system is stuck on high alert, it brings:

            - a lower pain threshold
            - more inflammatory signalling
            - more broken sleep

            Surgery, opioids and anti-inflammatory painkillers do not touch any of these.

            ## The missing question

            Most pain programmes do not ask about trauma, and almost never treat it. Yet for
            many people it is a central part of why the pain persists.

            ## What this means for you

            - Having a hard past does not mean your pain is imagined. It means your nervous
              system has been carrying a heavy load for a long time.
            - Trauma-focused somatic therapies, such as Somatic Experiencing, EMDR and Internal
              Family Systems, work on that load directly.
            - You choose what you share and when. You can ask for a trauma-informed therapist.
            """
        ),
    },
]


# --------------------------------------------------------------------------------------------
# Toolkit
# --------------------------------------------------------------------------------------------

PREGNANCY_SUPPLEMENT = (
    "Pregnant or breastfeeding: ask your doctor, midwife or pharmacist before taking any "
    "supplement."
)

TOOLKIT = [
    {
        "slug": "pain-neuroscience-education",
        "order": 1,
        "name": "Pain neuroscience education",
        "summary": "Learning how pain works, so the brain treats the signal as less of a threat.",
        "types": ["central", "stress_driven", "peripheral"],
        "needs_prescription": False,
        "dose": (
            "No set dose is given. Read, watch or talk it through with a clinician, and come "
            "back to it as often as you need."
        ),
        "time_to_effect": (
            "Not stated in the guide; studies measured less pain and disability after the "
            "education on its own."
        ),
        "what_it_does": _md(
            """
            Pain neuroscience education teaches how chronic pain and central sensitisation
            work. The key idea is that pain is the nervous system's **output**, not proof that
            damage is still happening.

            Once that makes sense, the brain judges the signal as less threatening. When a
            signal feels less dangerous, it hurts less.

            This does **not** say your pain is imaginary. It changes the story the brain
            attaches to the signal, and that story shapes how much it hurts.
            """
        ),
        "evidence": _md(
            """
            Studies keep finding that teaching people with chronic pain about central
            sensitisation lowers pain and disability, even with no other treatment. In
            fibromyalgia, education alone reduces pain and disability.
            """
        ),
        "cautions": [],
    },
    {
        "slug": "graded-movement",
        "order": 2,
        "name": "Graded movement",
        "summary": "Gentle, regular movement that slowly builds, to tell the nervous system it is safe.",
        "types": ["central", "stress_driven", "peripheral"],
        "needs_prescription": False,
        "dose": (
            "Little and often, starting below the level that causes a flare, then adding a "
            "little at a time. Walking, swimming and exercise in water are good places to start."
        ),
        "time_to_effect": "Not stated in the guide; many people notice change over weeks.",
        "what_it_does": _md(
            """
            Total rest keeps central sensitisation going and can make it worse. Any movement,
            however gentle, tells the nervous system it is safe. It also:

            - releases endorphins, the body's own painkillers
            - lowers inflammation markers
            - improves sleep

            The idea is **graded exposure**: start at a level that does not set off a flare and
            build up bit by bit. The aim is not fitness or performance. It is to retune the
            nervous system with safe, steady movement.
            """
        ),
        "evidence": _md(
            """
            Exercise is among the best-supported treatments for chronic pain. In fibromyalgia,
            graded aerobic exercise is one of the treatments with the strongest evidence.
            """
        ),
        "cautions": [],
    },
    {
        "slug": "sleep-restoration",
        "order": 3,
        "name": "Sleep restoration",
        "summary": "Treating sleep as a main part of pain care, because poor sleep lowers the pain threshold.",
        "types": ["central", "stress_driven"],
        "needs_prescription": False,
        "dose": (
            "No set dose is given. Every night counts: aim for regular, deep sleep rather than "
            "sedation. For pain, the guide suggests magnesium glycinate before bed and dealing "
            "with stress-hormone (cortisol) problems."
        ),
        "time_to_effect": (
            "Not stated in the guide. Sleep works fast in both directions: one night of poor "
            "sleep raises pain sensitivity the next day."
        ),
        "what_it_does": _md(
            """
            Lack of sleep lowers the pain threshold directly, and the effect can be measured.
            Just one night of too little sleep makes people more sensitive to pain the next day.

            So poor sleep drives pain, and pain disturbs sleep. To break that cycle, sleep needs
            to be treated as a main part of the plan, not something to sort out later.

            What matters is the quality and pattern of sleep (its "architecture"), not just
            being knocked out. Sedating medicines are not the same as restoring sleep.
            """
        ),
        "evidence": _md(
            """
            Sleep loss measurably increases pain sensitivity. In fibromyalgia, restoring sleep
            directly lowers how severe symptoms are.
            """
        ),
        "cautions": [],
    },
    {
        "slug": "magnesium",
        "order": 4,
        "name": "Magnesium",
        "summary": "A mineral that blocks NMDA receptors, a key switch in central sensitisation.",
        "types": ["central", "stress_driven", "peripheral"],
        "needs_prescription": False,
        "dose": "Magnesium glycinate or malate, 300 to 600 mg a day.",
        "time_to_effect": "Not stated in the guide.",
        "what_it_does": _md(
            """
            Magnesium blocks **NMDA receptors**. These receptors are the main drivers of central
            sensitisation, and they are overactive in chronic pain. At 300 to 600 mg a day,
            magnesium glycinate or malate gives a useful calming effect on them. It also:

            - eases muscle tension
            - improves sleep

            All three lower the overall pain burden. Low magnesium is common, and it is rarely
            tested.
            """
        ),
        "evidence": _md(
            """
            Magnesium given into a vein (intravenous) has been shown to work for sudden, severe
            pain in several pain conditions. Evidence for magnesium tablets in chronic pain is
            more limited.
            """
        ),
        "cautions": [
            (
                "kidney",
                "Kidney disease: do not take magnesium without your doctor's advice. The "
                "kidneys clear magnesium from the body, so it can build up.",
            ),
            ("pregnancy", PREGNANCY_SUPPLEMENT),
        ],
    },
    {
        "slug": "palmitoylethanolamide",
        "order": 5,
        "name": "Palmitoylethanolamide (PEA)",
        "summary": "A fat-based molecule the body makes itself, which calms inflammation in and around nerves.",
        "types": ["neuropathic", "central", "peripheral"],
        "needs_prescription": False,
        "dose": "600 mg to 1,200 mg a day.",
        "time_to_effect": "The effect builds over 4 to 8 weeks.",
        "what_it_does": _md(
            """
            PEA (palmitoylethanolamide) is a fatty acid amide that your body makes naturally.
            It calms mast cells, immune cells that can release inflammatory chemicals, and it
            calms inflammation in the nervous system (neuroinflammation).

            It works through **PPAR-alpha receptors**, which turn down inflammatory signalling
            at the level of the nerve.
            """
        ),
        "evidence": _md(
            """
            There is a large body of research on PEA for nerve pain (neuropathic pain),
            fibromyalgia and long-term inflammatory conditions, including small fibre
            neuropathy. Studies have not reported important side effects or interactions with other
            medicines.
            It is not well known in mainstream pain care and is not used much.
            """
        ),
        "cautions": [("pregnancy", PREGNANCY_SUPPLEMENT)],
    },
    {
        "slug": "omega-3",
        "order": 6,
        "name": "Omega-3 (EPA and DHA)",
        "summary": "Fish or algae oils that cut the body's inflammatory chemicals and support nerve health.",
        "types": ["peripheral", "neuropathic", "central"],
        "needs_prescription": False,
        "dose": (
            "2 to 4 g of EPA and DHA combined a day, from good-quality fish oil or an algae-based "
            "oil."
        ),
        "time_to_effect": "The effect builds over 8 to 12 weeks.",
        "what_it_does": _md(
            """
            EPA and DHA compete with another fat, arachidonic acid, for the enzymes that make
            inflammatory chemicals. With more omega-3 around, the body makes fewer of the
            prostaglandins and leukotrienes that drive inflammation.

            Nerve tissue is largely made of DHA. Having enough omega-3 is needed for nerves to
            work normally and for inflammation in the nervous system to settle.
            """
        ),
        "evidence": _md(
            """
            The guide gives 2 to 4 g of EPA and DHA combined a day as the dose used for pain
            conditions. Pooled trials in inflammatory joint pain have found modest benefits.
            """
        ),
        "cautions": [
            (
                "anticoagulant",
                "Blood thinners: omega-3 can raise the risk of bleeding if you take a blood "
                "thinner such as warfarin, apixaban or clopidogrel. Ask your doctor or "
                "pharmacist first.",
            ),
            ("pregnancy", PREGNANCY_SUPPLEMENT),
        ],
    },
    {
        "slug": "curcumin",
        "order": 7,
        "name": "Curcumin",
        "summary": "The active part of turmeric, which switches down a master control of inflammation.",
        "types": ["peripheral", "neuropathic"],
        "needs_prescription": False,
        "dose": (
            "500 to 1,000 mg a day of a well-absorbed (high-bioavailability) form: phytosome, "
            "liposomal or piperine-enhanced."
        ),
        "time_to_effect": "Not stated in the guide.",
        "what_it_does": _md(
            """
            Curcumin is the active compound in turmeric. It blocks **NF-kB**, one of the main
            switches that turn on the genes behind inflammation.

            The form matters most. Ordinary curcumin is poorly absorbed by the gut. Choose a
            form made to be absorbed: phytosome, liposomal, or one with added piperine.
            """
        ),
        "evidence": _md(
            """
            Studies in osteoarthritis, inflammatory bowel conditions and nerve pain have found
            effects similar to NSAIDs, without the gut damage NSAIDs can cause.
            """
        ),
        "cautions": [
            (
                "anticoagulant",
                "Blood thinners: curcumin can raise the risk of bleeding if you take a blood "
                "thinner such as warfarin, apixaban or clopidogrel. Ask your doctor or "
                "pharmacist first.",
            ),
            ("pregnancy", PREGNANCY_SUPPLEMENT),
        ],
    },
    {
        "slug": "anti-inflammatory-diet",
        "order": 8,
        "name": "Anti-inflammatory eating",
        "summary": "Eating in a way that lowers inflammation, which is a direct input into pain.",
        "types": ["peripheral", "stress_driven"],
        "needs_prescription": False,
        "dose": (
            "An everyday pattern: whole foods, enough protein, olive oil, oily fish, plenty of "
            "vegetables, and few processed carbohydrates."
        ),
        "time_to_effect": "Inflammation markers fall within 6 to 8 weeks.",
        "what_it_does": _md(
            """
            Ultra-processed foods, refined sugar, seed oils and too much alcohol all drive
            inflammation across the body. That inflammation lowers the pain threshold and keeps
            pain sensors sensitive (peripheral sensitisation).

            An anti-inflammatory pattern of eating is built around:

            - whole foods
            - enough protein
            - olive oil
            - oily fish
            - plenty of vegetables
            - few processed carbohydrates

            For people in pain, food is not just background. It feeds directly into how pain
            works.
            """
        ),
        "evidence": _md(
            """
            Eating this way lowers measurable markers of inflammation within 6 to 8 weeks. In
            fibromyalgia, changing diet to reduce inflammation has produced measurable
            improvements.
            """
        ),
        "cautions": [],
    },
    {
        "slug": "somatic-therapy",
        "order": 9,
        "name": "Somatic therapy",
        "summary": "Body-based trauma therapies that help the nervous system come down from high alert.",
        "types": ["stress_driven", "central"],
        "needs_prescription": False,
        "dose": (
            "No set dose is given. Regular sessions with a trained therapist, at a pace that "
            "feels manageable."
        ),
        "time_to_effect": "Not stated in the guide; many people notice change over weeks to months.",
        "what_it_does": _md(
            """
            Somatic therapies, such as **Somatic Experiencing**, **EMDR** and **Internal Family
            Systems**, work on the nervous system imbalance held in the body, which ordinary
            pain care does not reach. They are most relevant for people with widespread pain, especially
            with trauma in their past.

            They are not just "talking about feelings". They are structured ways to release
            the body's threat response, which keeps turning the
            pain volume up.
            """
        ),
        "evidence": _md(
            """
            The evidence is growing, and the way these therapies work is understood. They are
            often important during an opioid taper, when the nervous system needs extra support.
            """
        ),
        "cautions": [],
    },
    {
        "slug": "low-dose-naltrexone",
        "order": 10,
        "name": "Low-dose naltrexone (LDN)",
        "summary": "A very small dose of a prescription medicine that boosts the body's own painkillers.",
        "types": ["central"],
        "needs_prescription": True,
        "dose": (
            "1.5 to 4.5 mg a day, far below the 50 mg dose used to treat addiction. Prescribed by "
            "a doctor and usually made up by a compounding pharmacy."
        ),
        "time_to_effect": "Not stated in the guide.",
        "what_it_does": _md(
            """
            At 1.5 to 4.5 mg (the dose used for addiction treatment is 50 mg), naltrexone
            blocks opioid receptors for a short time. In response, the body makes more of its
            own endorphins.

            It also calms **microglia**, the immune cells of the brain. Microglia add to
            inflammation in the nervous system and to central sensitisation.

            The low-dose form is made up by compounding pharmacies.
            """
        ),
        "evidence": _md(
            """
            Studies back its use in fibromyalgia, Crohn's disease, multiple sclerosis and
            complex regional pain syndrome (CRPS). In fibromyalgia it has shown benefit in
            clinical trials. Most of these trials are small.
            """
        ),
        "cautions": [
            (
                "prescription",
                "Needs a prescription from a doctor; it is not sold over the counter. The "
                "low-dose form is usually made up by a compounding pharmacy.",
            ),
            (
                "opioids",
                "Not compatible with opioid therapy: naltrexone blocks opioids, so it must not "
                "be taken with opioid painkillers such as codeine, tramadol, oxycodone or "
                "morphine.",
            ),
            (
                "pregnancy",
                "Pregnant or breastfeeding: talk to your doctor before starting low-dose "
                "naltrexone.",
            ),
        ],
    },
    {
        "slug": "alpha-lipoic-acid",
        "order": 11,
        "name": "Alpha-lipoic acid",
        "summary": "An antioxidant with evidence for easing the symptoms of diabetic nerve pain.",
        "types": ["neuropathic"],
        "needs_prescription": False,
        "dose": "600 mg a day.",
        "time_to_effect": "Not stated in the guide.",
        "what_it_does": _md(
            """
            Alpha-lipoic acid is an antioxidant. At 600 mg a day it has documented evidence for
            reducing symptoms of **diabetic neuropathy** (nerve pain caused by diabetes).

            It works alongside blood-sugar control, not instead of it.

            If you take medicine for diabetes, alpha-lipoic acid can make your blood sugar drop
            lower. Tell your diabetes team and check your sugar more often when you start.
            """
        ),
        "evidence": _md(
            """
            Trials in diabetic neuropathy have found that 600 mg a day reduces symptoms such as
            burning, pain and numbness.
            """
        ),
        "cautions": [("pregnancy", PREGNANCY_SUPPLEMENT)],
    },
    {
        "slug": "methylcobalamin",
        "order": 12,
        "name": "Methylcobalamin (active vitamin B12)",
        "summary": "An active form of vitamin B12, for nerve pain caused by low B12.",
        "types": ["neuropathic"],
        "needs_prescription": False,
        "dose": "1,000 to 5,000 mcg a day.",
        "time_to_effect": "Not stated in the guide.",
        "what_it_does": _md(
            """
            Methylcobalamin is the active form of vitamin B12. Nerves need B12 to work and
            repair, and low B12 can cause neuropathy.

            For neuropathy caused by low B12, the guide gives 1,000 to 5,000 mcg a day. The
            shortage is often **functional**: the blood level can look normal while the body
            still is not getting enough, so standard B12 tests may miss it.
            """
        ),
        "evidence": _md(
            """
            Vitamin B12 deficiency is a well-known, treatable cause of nerve damage. Finding and
            treating it is a standard step when the cause of neuropathy is being looked for.
            """
        ),
        "cautions": [("pregnancy", PREGNANCY_SUPPLEMENT)],
    },
    {
        "slug": "blood-sugar-control",
        "order": 13,
        "name": "Blood-sugar control",
        "summary": "The main treatment for diabetic neuropathy: keeping blood sugar in a healthy range.",
        "types": ["neuropathic"],
        "needs_prescription": False,
        "dose": (
            "No set dose is given. Work with your diabetes team on food, movement and medicines "
            "to keep your blood sugar in your target range."
        ),
        "time_to_effect": "Not stated in the guide; nerve damage can partly recover once blood sugar is controlled.",
        "what_it_does": _md(
            """
            In diabetic neuropathy, keeping blood sugar under control is the **main**
            intervention. High blood sugar damages nerves. While it stays uncontrolled the
            damage keeps getting worse; once it is controlled, the damage can partly reverse.
            """
        ),
        "evidence": _md(
            """
            Good glucose control slows or prevents nerve damage in diabetes, and is the
            foundation of care for diabetic neuropathy.
            """
        ),
        "cautions": [],
    },
]


# --------------------------------------------------------------------------------------------
# Real questions
# --------------------------------------------------------------------------------------------

QUESTIONS = [
    {
        "slug": "surgery-and-disc-findings",
        "order": 1,
        "question": (
            "I have been in pain for years and my MRI shows disc problems. Why hasn't surgery "
            "fixed it?"
        ),
        "articles": ["imaging-findings", "central-sensitisation"],
        "types": ["central"],
        "answer": _md(
            """
            Because the disc you can see on the scan may not be the main thing causing your pain. Surgery
            repairs structure. If the main problem is central sensitisation, a nervous system
            that makes pain even though the tissue is no longer being damaged, then fixing the
            structure does not change how the nervous system behaves. The pain carries on, or
            moves somewhere else.

            How well spinal surgery works depends a lot on who has it. It does better for
            people with a clear, severe structural problem, such as a trapped nerve root causing
            weakness, or a disc problem with proven nerve pain that has not improved with other
            care. For people with widespread pain, spread-out symptoms, a lot of distress and
            poor sleep, surgery rarely gives lasting relief.

            The bigger question is whether anyone has checked and treated your nervous system
            as well as your spine. Sensitisation, sleep, inflammation and the emotional side of
            pain all belong in the picture. If none of these has been looked at, the
            conversation about surgery is not complete.
            """
        ),
    },
    {
        "slug": "opioid-taper",
        "order": 2,
        "question": (
            "My opioid dose is being lowered and my pain is the worst it has been. Is that normal?"
        ),
        "articles": ["opioids-and-hyperalgesia"],
        "types": ["central"],
        "answer": _md(
            """
            Yes. It is common, and it has a name: **opioid-induced hyperalgesia**. Over a long
            time, opioids make pain pathways more sensitive, not less. When the dose comes down,
            that extra sensitivity shows. The pain can feel stronger than the pain you first
            took the opioids for. That is the opioid working against you, not you failing.

            This is not a reason to refuse the taper. It is a reason to taper **slowly**, with
            active support for your nervous system along the way. Magnesium, PEA, omega-3 and
            better sleep can all help lower the extra sensitivity. Somatic therapy and other
            ways of calming the nervous system are often very important at this stage.
            Low-dose naltrexone cannot be used while you are still taking opioids.

            The taper will be uncomfortable. Your nervous system needs time to reset its pain
            threshold after years of opioids, and that takes months. For most people who finish
            a taper, the result is less pain and more ability to do things than they had on
            opioids. That is not guaranteed, but it is the pattern that has been documented.

            Never stop or cut opioids suddenly on your own. Agree the pace with your prescriber.
            """
        ),
    },
    {
        "slug": "fibromyalgia-options",
        "order": 3,
        "question": (
            "I have fibromyalgia and I have been told medicines are the only option. Is that right?"
        ),
        "articles": ["fibromyalgia", "central-sensitisation"],
        "types": ["central"],
        "answer": _md(
            """
            No. Few forms of central sensitisation have been researched as much as
            fibromyalgia, and there is good evidence for treatments that are not medicines. Not every doctor has
            caught up with it yet.

            - **Learning how pain works** (pain neuroscience education) on its own reduces pain
              and disability in fibromyalgia.
            - **Graded aerobic exercise** is one of the best-supported treatments there is.
            - **Restoring sleep** directly lowers how severe symptoms are.
            - **Low-dose naltrexone** has shown benefit in clinical trials (it needs a
              prescription).
            - **Changing diet** to reduce inflammation has produced measurable improvements.
            - **Trauma-informed somatic therapy** works on the nervous system dysregulation
              behind many cases.

            The medicines most often prescribed (pregabalin, duloxetine and milnacipran) help a
            modest amount and can have side effects. It is reasonable to try them. But medicines
            are one option among several, and the others are seldom offered alongside them: the
            lifestyle and nutrition approaches, which can do as well or better in the long run.
            """
        ),
    },
    {
        "slug": "stress-and-pain",
        "order": 4,
        "question": ("Stress always makes my pain worse. Is that in my mind or in my body?"),
        "articles": ["allostatic-load", "trauma-and-aces"],
        "types": ["stress_driven"],
        "answer": _md(
            """
            It is physiological: it happens in your body's chemistry. At the level of biology,
            splitting "psychological" from "physical" does not really work.

            Stress switches on the sympathetic nervous system (fight or flight) and the HPA
            axis, the hormone stress system. Cortisol and adrenaline go up. These hormones lower
            the pain threshold directly: they make pain sensors more sensitive and increase
            inflammatory signalling. On high alert, the same signal produces more pain.

            This link is strong. Pain research finds it again and again, and it is among the
            firmest links in the field. It is talked about less in clinics partly
            because the tools that help, such as calming the nervous system, working through
            trauma, sleep and social connection, are not procedures that can be billed.

            None of this makes your pain any less real. It means stress is a real,
            biological driver of your pain, and dealing with it is real treatment: alongside
            your other care, not instead of it.
            """
        ),
    },
    {
        "slug": "neuropathy-in-the-feet",
        "order": 5,
        "question": (
            "I have neuropathy in my feet and my doctor says nothing helps. What haven't I tried?"
        ),
        "articles": [],
        "types": ["neuropathic"],
        "answer": _md(
            """
            Possibly several things, but it depends on the cause. Nerve damage in the feet
            (peripheral neuropathy) has many causes, and the right approach depends on which
            one you have. So start by asking: what is behind it?

            - **Diabetic neuropathy:** controlling blood sugar is the main treatment. High blood
              sugar keeps damaging nerves while it is uncontrolled, and the damage can partly
              reverse once it is controlled. Alpha-lipoic acid at 600 mg a day has documented
              evidence for easing symptoms.
            - **Neuropathy from low vitamin B12:** methylcobalamin (active B12) at 1,000 to
              5,000 mcg a day. The shortage is often functional rather than absolute, so a
              standard B12 blood test may not show it.
            - **Small fibre neuropathy:** this is often missed by standard nerve conduction
              tests. Diagnosing it needs a small skin sample (a punch biopsy). PEA has evidence
              for this type in particular.

            If nobody has ever properly looked for the cause, begin there. Treating symptoms
            without knowing the cause tends to give partial, short-lived results, in the same
            way that treating pain without knowing the state of the nervous system does.
            """
        ),
    },
    {
        "slug": "pain-in-my-head",
        "order": 6,
        "question": (
            "Someone told me my pain is all in my head. I am furious. Is there any truth in it?"
        ),
        "articles": ["brain-changes", "central-sensitisation"],
        "types": ["central"],
        "answer": _md(
            """
            **Your pain is real.** All pain is made by the brain. That is not a put-down; it is
            how the body is built. Pain does not sit in the tissue. The brain builds it from the
            signals the tissue sends. When the nervous system is sensitised, the brain builds
            pain even when those signals are small or missing.

            Saying pain is "in your head" to brush it off is wrong and it does harm. But knowing
            that the brain makes the experience of pain is actually hopeful. It means the brain
            can be worked with. Change in the brain goes both ways: a brain that learned to make
            pain from small signals can, in the right conditions, unlearn that habit.

            The person who said it probably meant "it isn't real" or "you are weak". Both are
            wrong. What is true is this: long-term pain signals have rewired your
            nervous system, and that rewiring can be treated. That is a very
            different, and much more useful, thing to hear.
            """
        ),
    },
]

# Safety texts editors adapt to their country. The default names emergency services and a
# free crisis line; pages fall back to the same words if the row is ever removed.
SUPPORT_TEXTS = [
    {
        "slug": "crisis",
        "heading": "If you are thinking about harming yourself, help is there now",
        "body": (
            "You told us you have had thoughts that you would be better off dead, or of "
            "hurting yourself. You do not have to wait, and you do not have to cope with this "
            "alone.\n\n"
            "- If you might act on these thoughts, or you have hurt yourself: **call your "
            "emergency number (999 in the UK, 112 in Europe, 911 in the US) or go to an "
            "emergency department now.**\n"
            "- To talk to someone today: call a crisis line, for example Samaritans on "
            "116 123 (UK and Ireland, free, any time) or 988 (US). Or contact your doctor and "
            "ask for an urgent appointment."
        ),
    },
]
