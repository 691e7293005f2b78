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
            - Whole-body inflammation: diets heavy in ultra-processed food and sugar, and heavy
              drinking, go with higher inflammation markers
            - Years of regular anti-inflammatory painkillers (NSAIDs), which can damage the
              lining of the stomach and gut
            """
        ),
        "what_helps": _md(
            """
            - Graded movement, starting below the level that causes a flare (strong evidence)
            - An anti-inflammatory way of eating; the guide expects inflammation markers to fall
              within 6 to 8 weeks (limited evidence for pain)
            - Omega-3 (EPA and DHA) and a well-absorbed form of curcumin, which may calm
              inflammation (limited evidence)
            - Palmitoylethanolamide (PEA), thought to calm inflammation around nerves (limited
              evidence)
            - Magnesium, which may ease muscle tension and help sleep (limited evidence)
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
            - Poor sleep: in experiments, even one short night made pain more sensitive the next
              day
            - Long-term opioids, which can make the pain system more sensitive
              (opioid-induced hyperalgesia)
            - Treatment that only targets a structure, such as a disc, while the sensitised
              nervous system is left untreated
            """
        ),
        "what_helps": _md(
            """
            - Graded movement, which is thought to signal safety to the nervous system (strong
              evidence)
            - Pain neuroscience education: understanding pain can make it feel less threatening
              (moderate evidence)
            - Sleep restoration, treated as a main part of the plan (moderate evidence)
            - Magnesium, which blocks NMDA receptors; tablets for chronic pain are little tested
            - Palmitoylethanolamide (PEA) and omega-3, which may calm inflammation in nerves
              (limited evidence)
            - Low-dose naltrexone: off-label, prescription only, never with opioids, and its
              trials are small and mixed
            - Somatic therapy, especially where there is trauma in the background (limited
              evidence)
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
              Systems), which aims to settle the body's threat response; it has been tested in
              only a few small pain trials
            - Sleep restoration
            - Pain neuroscience education
            - Graded movement
            - Magnesium, which may ease muscle tension and help sleep
            - An anti-inflammatory way of eating
            - Time with other people, since loneliness goes with more pain
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
            - Small fibre neuropathy, which standard nerve conduction tests often miss; the
              usual test is a small skin sample (punch biopsy)
            - Inflammation in and around the nerves
            """
        ),
        "what_helps": _md(
            """
            - Finding the cause, if it has never been fully looked into
            - Blood-sugar control, the main treatment for diabetic neuropathy
            - Alpha-lipoic acid, 600 mg a day, for diabetic neuropathy (limited evidence)
            - Methylcobalamin (active B12), 1,000 to 5,000 mcg a day, for neuropathy from low
              B12; a doctor should confirm the shortage and its cause
            - Palmitoylethanolamide (PEA), sometimes used for small fibre neuropathy, where trial
              evidence is sparse
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
            change, in how it is built and in how it works. Pain nerves get easier to set off,
            even by things that should not hurt at all. This is called **central
            sensitisation**. It is thought to be one of the reasons pain can carry on long after
            the first injury has healed.

            ## Why a scan may not explain your pain

            A scan may show a worn disc, arthritis or thin cartilage. In a sensitised nervous
            system, that finding may not be the main thing driving the pain. Research keeps
            finding that what scans show and how much pain people feel do not match well. Some
            people with big changes on a scan feel no pain. Others with small changes cannot
            work because of pain. What the nervous system makes of a signal counts for more than
            the signal.

            ## The load the body is carrying

            Poor sleep, stress, past trauma, inflammation in the gut and low levels of
            nutrients all add to the body's total stress load. Together they can keep the
            nervous system on high alert, and that goes with a lower pain threshold. It may be
            part of why pain often flares in hard times, and why treating the pain alone often
            only helps in part.

            ## What this means for you

            - Your pain is real. Chronic pain is a real change in how the nervous system works.
            - These changes are not fixed. With the right conditions, many people find the
              nervous system settles and the pain eases, though not always fully.
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

            In chronic pain, this extra sensitivity can stay after the tissue has healed.
            Ongoing inflammation in that area is thought to keep it going. The sensors keep
            firing with less of a trigger, so everyday pressure or movement can still hurt.

            ## What feeds the inflammation

            Inflammation is not only local. Diets heavy in ultra-processed food and sugar, and
            heavy drinking, go with higher inflammation across the body, which may help keep
            pain sensors sensitive. Long-term use of anti-inflammatory painkillers (NSAIDs) can
            also damage the lining of the stomach and gut.

            ## What this means for you

            - The pain is real: the sensors really are firing more easily.
            - Calming inflammation may help turn them down. Food, omega-3, curcumin and
              palmitoylethanolamide (PEA) act on inflammation, though their evidence for pain is
              limited: see each tool's grade.
            - Gentle, graded movement has the best evidence. Regular exercise lowers some
              inflammation markers over time, and may tell the nervous system the area is safe.
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

            In effect, the nervous system has learned to make pain. This is thought to take hold
            after about 3 to 6 months of ongoing pain.

            ## Why it matters

            Central sensitisation may explain why treating only the original injury often does
            not stop the pain. If the amplifier stays turned up, fixing a disc or a joint may not
            reset it. Fibromyalgia is one of the best-studied examples of central
            sensitisation.

            ## What this means for you

            - Your pain is real. The amplification shows up in tests of pain sensitivity.
            - It can change. Things that calm the nervous system can help: graded movement
              (strong evidence), understanding how pain works and better sleep (moderate), and
              magnesium, which blocks NMDA receptors, a key switch in this process (tablets are
              little tested in chronic pain).
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
            "Long-term pain goes with measurable changes in the brain, including less grey "
            "matter in the front of the brain. The hopeful part: some of these changes can ease."
        ),
        "types": ["central"],
        "body": _md(
            """
            ## Changes you can measure

            Brain scans of people with long-term pain show real changes. Studies have found less
            grey matter in the prefrontal cortex, the front part of the brain, and more activity
            in networks that handle pain. These are physical changes, not imagination, though
            scans cannot yet show which comes first, the pain or the change.

            ## Change works both ways

            The brain's ability to change is called neuroplasticity. It is how the brain learned
            to produce pain, and it may also be how it learns to stop. In one small study, some
            of these brain changes lessened after back pain was treated successfully.

            ## What this means for you

            - This is about how the brain is wired, not about weakness or imagination.
            - Safe movement, good sleep, lower stress and understanding pain are the conditions
              most likely to help the brain recalibrate.
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

            Each of these has been linked with a lower pain threshold.

            ## Why pain flares in hard times

            Chronic pain rarely happens on its own. It happens in a life, with everything else
            that is going on. That may be why pain often gets worse during stressful periods,
            and why treating the pain without the things feeding it often only helps in part.

            ## What this means for you

            - Noticing that stress or poor sleep makes your pain worse is not "all in your
              head". It is biology.
            - Lightening any part of the load may help: sleep, stress, food, movement and time
              with other people all count.
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
            "Taken for a long time for pain that is not from cancer, opioids bring little gain "
            "in daily life and real risks, and they can make the pain system more sensitive. "
            "This is called opioid-induced hyperalgesia."
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

            - did no better than non-opioid medicines for daily function in a year-long trial
              of back, hip and knee pain, and slightly worse for pain
            - lose some effect as the body gets used to them (tolerance), and can make pain
              more sensitive (opioid-induced hyperalgesia)
            - raise the risk of dependence and overdose, more so at higher doses

            National guidelines agree: the 2022 CDC guideline prefers other treatments for
            chronic pain, and NICE NG193 advises against starting opioids for chronic primary
            pain.

            ## Opioid-induced hyperalgesia

            This is a recognised effect: taking opioids can itself lower the pain threshold. It
            can set up a cycle where more medicine leads to more pain sensitivity, not less. How
            often it happens in everyday care is not well measured, and it is not always
            explained to people who take opioids.

            ## What this means for you

            - Do not stop or change opioids suddenly on your own. Talk to your prescriber.
            - If a taper makes your pain worse for a while, that is a recognised effect, not a
              sign you are doing it wrong. The CDC guideline advises a slow, agreed pace, with
              support along the way.
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

            About 80% of people over 50 have disc changes on an MRI scan, and a systematic
            review of people with no back pain at all found them just as often. Discs change
            with age, much like skin gets wrinkles.

            ## How a finding becomes "the cause"

            When someone with long-term back pain has an MRI and it shows a bulging disc, they
            are often told the disc explains the pain. That may not be true. In a large UK trial
            for chronic low back pain, spinal fusion did little better than an intensive
            rehabilitation programme two years on, and NICE NG59 advises against fusion for low
            back pain outside a trial.

            If the pain is being kept up by a sensitised nervous system, treating the disc leaves
            that untouched. The pain can carry on, now tied to a scan result that makes it feel
            permanent.

            ## When surgery is more likely to help

            Surgery tends to do better when there is a clear, severe structural problem: for
            example, a trapped nerve root causing weakness, or a disc problem with proven nerve
            pain down the leg that has not got better with other care. It is less likely to
            bring lasting relief when pain is widespread, symptoms are spread out, distress is
            high and sleep is poor.

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
            "The leading explanation for fibromyalgia is central sensitisation: pain processing "
            "in the nervous system turned up. Treating one sore spot is unlikely to help much, "
            "and exercise has the best evidence."
        ),
        "types": ["central"],
        "body": _md(
            """
            ## What fibromyalgia is

            Fibromyalgia brings widespread pain and tenderness, pain from touch that should not
            hurt (allodynia), tiredness and broken sleep. Studies of pain processing and brain
            imaging point to a sensitised central nervous system, and this is the leading
            explanation in pain research. It does not yet explain every case, and research
            continues.

            ## Why local treatment falls short

            If much of the problem sits in the central nervous system, treating one sore muscle
            or joint can at best help that spot. Treatments that work on the whole person, led
            by exercise, do better in trials.

            ## Medicines are one option among several

            The medicines most often prescribed for fibromyalgia (pregabalin, duloxetine and
            milnacipran) help a modest number of people a little and can have side effects. In
            the UK, NICE NG193 advises against starting pregabalin or gabapentin for chronic
            primary pain, which includes fibromyalgia, while an antidepressant such as
            duloxetine may be considered. Non-drug approaches deserve a place alongside, each
            with its own strength of evidence:

            - graded aerobic exercise: strong, and first in European (EULAR) recommendations
            - learning how pain works (pain neuroscience education): moderate in chronic pain,
              with few trials in fibromyalgia itself
            - restoring sleep: moderate
            - low-dose naltrexone: limited, off-label and prescription only; small trials
              disagree
            - eating to lower inflammation: limited
            - trauma-informed somatic therapy: limited

            ## What this means for you

            - Fibromyalgia is real, and it is well studied.
            - There is more you can do than medicines alone. Bring this list, with its grades,
              to your next appointment.
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
            "time, they can cause stomach ulcers and bleeding, and can inflame the lining of the "
            "small bowel."
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

            - block the prostaglandins that keep the stomach lining safe, which can cause ulcers
              and bleeding
            - damage the lining of the small bowel and make it leaky (intestinal permeability),
              with inflammation there that often causes no symptoms

            ## A possible cycle

            So a medicine taken to calm inflammation can itself inflame the gut. Whether that
            gut inflammation adds to pain elsewhere in the body has not been shown. NICE NG59
            allows NSAIDs for low back pain at the lowest dose for the shortest time, after the
            risk to the stomach has been weighed.

            ## What this means for you

            - Do not stop a prescribed medicine without talking to your doctor or pharmacist,
              but do ask whether daily NSAIDs are still right for you.
            - Black or tarry stools, vomiting blood, or stomach pain that will not go away need
              urgent medical help.
            - Other ways to calm inflammation, such as food, omega-3 and curcumin, do not carry
              the same risk to the stomach, though their evidence for pain is limited.
            """
        ),
    },
    {
        "slug": "trauma-and-aces",
        "section": "care_gap",
        "order": 5,
        "title": "Trauma, childhood adversity and pain",
        "summary": (
            "People who had hard experiences in childhood are more likely to live with chronic "
            "pain as adults. Unresolved trauma is thought to keep the nervous system on high "
            "alert, and pain care often does not ask about it."
        ),
        "types": ["stress_driven"],
        "body": _md(
            """
            ## What the ACE studies found

            The Adverse Childhood Experiences (ACE) studies looked at hard experiences in
            childhood, such as abuse, neglect or a very difficult home life, and found that the
            more of them someone had, the higher their risk of many health problems as an adult.
            Reviews of chronic pain find a similar link: adults who report childhood abuse
            report chronic pain more often. These studies show a link, not proof of cause.

            ## How trauma keeps pain going

            Trauma that has not been worked through is thought to keep the nervous system in a
            constant state of threat. A nervous system stuck on high alert goes with:

            - a lower pain threshold
            - more inflammatory signalling
            - more broken sleep

            Surgery, opioids and anti-inflammatory painkillers do not address any of these.

            ## The missing question

            Trauma is often not asked about in pain care, and is seldom treated there. Yet for
            some people it is an important part of why the pain persists.

            ## What this means for you

            - Having a hard past does not mean your pain is imagined. It means your nervous
              system has been carrying a heavy load for a long time.
            - Trauma-focused somatic therapies, such as Somatic Experiencing, EMDR and Internal
              Family Systems, aim to work on that load directly. In chronic pain they have been
              tested only in a few small trials.
            - You choose what you share and when. You can ask for a trauma-informed therapist.
            """
        ),
    },
]


# --------------------------------------------------------------------------------------------
# Toolkit
# --------------------------------------------------------------------------------------------

# Each item's cautions are rules in the one caution table (assessment/rules/cautions.py seeds
# it, and editors manage it as content.CautionRule).

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
            "Trials measured small improvements in pain and disability within weeks to months."
        ),
        "what_it_does": _md(
            """
            Pain neuroscience education teaches how chronic pain and central sensitisation
            work. The key idea is that pain is the nervous system's **output**, not proof that
            damage is still happening.

            Once that makes sense, the brain may judge the signal as less threatening, and a
            signal that feels less dangerous tends to hurt less.

            This does **not** say your pain is imaginary. It changes the story the brain
            attaches to the signal, and that story shapes how much it hurts.
            """
        ),
        "evidence": _md(
            """
            Reviews of trials in chronic musculoskeletal pain find small, short-term falls in
            pain and disability after this kind of education, and larger ones when it comes
            with exercise. There are few trials in fibromyalgia itself.
            """
        ),
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
        "time_to_effect": "Many people notice a change over weeks.",
        "what_it_does": _md(
            """
            Long spells of rest tend to keep pain going and can make it worse. Movement, even
            gentle movement, is thought to tell the nervous system it is safe. Regular exercise
            also:

            - releases endorphins, the body's own painkillers
            - lowers some inflammation markers over time
            - can improve sleep

            The idea is **graded exposure**: start at a level that does not set off a flare and
            build up bit by bit. Fitness and performance are not the point. The aim is to
            retune the nervous system with safe, steady movement.
            """
        ),
        "evidence": _md(
            """
            Exercise is among the best-supported treatments for chronic pain. Cochrane reviews
            find it eases pain and improves function in fibromyalgia and in chronic low back
            pain, and NICE NG193 and NG59 both recommend exercise programmes.
            """
        ),
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
            "Sleep works fast in both directions: one night of poor "
            "sleep raises pain sensitivity the next day."
        ),
        "what_it_does": _md(
            """
            Lack of sleep lowers the pain threshold, and the effect can be measured: in
            experiments, a single short night left people more sensitive to pain the next day.

            So poor sleep drives pain, and pain disturbs sleep. To break that cycle, sleep needs
            to be treated as a main part of the plan, not something to sort out later.

            What matters is the quality and pattern of sleep (its "architecture"), not just
            being knocked out. Sedating medicines are not the same as restoring sleep.
            """
        ),
        "evidence": _md(
            """
            Sleep loss measurably increases pain sensitivity in experiments. Trials of treating
            insomnia without drugs in people with chronic pain show clear gains in sleep and
            smaller gains in pain.
            """
        ),
    },
    {
        "slug": "magnesium",
        "order": 4,
        "name": "Magnesium",
        "summary": (
            "A mineral that blocks NMDA receptors, a key switch in central sensitisation; "
            "tablets are little tested in chronic pain."
        ),
        "types": ["central", "stress_driven", "peripheral"],
        "needs_prescription": False,
        "dose": "Magnesium glycinate or malate, 300 to 600 mg a day.",
        "time_to_effect": "",  # unknown: the page leaves the line out
        "what_it_does": _md(
            """
            Magnesium blocks **NMDA receptors**. In laboratory studies these receptors drive
            central sensitisation, and they are overactive in chronic pain. The guide gives 300
            to 600 mg a day of magnesium glycinate or malate; whether tablets at that dose calm
            these receptors in people has not been shown. It may also:

            - ease muscle tension
            - help sleep

            Low magnesium is not rare, and it is often not tested for.
            """
        ),
        "evidence": _md(
            """
            Magnesium given into a vein (intravenous) lowered pain after surgery in pooled
            trials. For magnesium tablets in chronic pain, the trials are few, small and mixed.
            """
        ),
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
        "effect_from_weeks": 4,
        "effect_to_weeks": 8,
        "what_it_does": _md(
            """
            PEA (palmitoylethanolamide) is a fatty acid amide that your body makes naturally.
            In laboratory studies it calms mast cells, immune cells that can release
            inflammatory chemicals, and inflammation in the nervous system (neuroinflammation).

            It works through **PPAR-alpha receptors**, which turn down inflammatory signalling
            at the level of the nerve.
            """
        ),
        "evidence": _md(
            """
            PEA has been tested in a number of small trials in nerve pain (neuropathic pain) and
            other chronic pain, and pooled results favour it over placebo. The trials are short
            and of mixed quality, and for small fibre neuropathy there is little trial evidence.
            Trials report few side effects, but long-term safety has not been studied well.
            """
        ),
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
        "effect_from_weeks": 8,
        "effect_to_weeks": 12,
        "what_it_does": _md(
            """
            EPA and DHA compete with another fat, arachidonic acid, for the enzymes that make
            inflammatory chemicals. With more omega-3 around, the body makes fewer of the
            prostaglandins and leukotrienes that drive inflammation.

            Nerve tissue is largely made of DHA, and nerves need enough omega-3 to work
            normally. Omega-3 is also thought to help inflammation in the nervous system settle.
            """
        ),
        "evidence": _md(
            """
            The guide gives 2 to 4 g of EPA and DHA combined a day as the dose used for pain
            conditions. Pooled trials in inflammatory joint pain, mostly rheumatoid arthritis,
            found modest benefits; for other chronic pain the trials are few and small.
            """
        ),
    },
    {
        "slug": "curcumin",
        "order": 7,
        "name": "Curcumin",
        "summary": (
            "The active part of turmeric, which switches down a master control of inflammation "
            "in laboratory studies."
        ),
        "types": ["peripheral", "neuropathic"],
        "needs_prescription": False,
        "dose": (
            "500 to 1,000 mg a day of a well-absorbed (high-bioavailability) form: phytosome, "
            "liposomal or piperine-enhanced."
        ),
        "time_to_effect": "",  # unknown: the page leaves the line out
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
            Small, short trials, mostly in knee osteoarthritis, found less pain; in a few, about
            as much relief as an NSAID, with fewer stomach side effects. The trials are too
            small and varied to be sure, and there is little trial evidence in nerve pain.
            """
        ),
    },
    {
        "slug": "anti-inflammatory-diet",
        "order": 8,
        "name": "Anti-inflammatory eating",
        "summary": "Eating in a way that lowers inflammation, which may play a part in pain.",
        "types": ["peripheral", "stress_driven"],
        "needs_prescription": False,
        "dose": (
            "An everyday pattern: whole foods, enough protein, olive oil, oily fish, plenty of "
            "vegetables, and few processed carbohydrates."
        ),
        "time_to_effect": (
            "The guide expects inflammation markers to fall within 6 to 8 weeks; any effect on "
            "pain has no set timeline."
        ),
        "effect_from_weeks": 6,
        "effect_to_weeks": 8,
        "what_it_does": _md(
            """
            Diets heavy in ultra-processed food and sugar, and heavy drinking, go with more
            inflammation across the body. Inflammation can lower the pain threshold and keep
            pain sensors sensitive (peripheral sensitisation). The source guide also blames seed
            oils; trials have not found that they raise inflammation markers, so we leave them
            out.

            An anti-inflammatory pattern of eating is built around:

            - whole foods
            - enough protein
            - olive oil
            - oily fish
            - plenty of vegetables
            - few processed carbohydrates

            For people in pain, food may be more than background, though trials of diet for
            pain are still small.
            """
        ),
        "evidence": _md(
            """
            Mediterranean-style eating lowered some blood markers of inflammation in pooled
            trials. Diet trials in fibromyalgia are small and varied; some found improvements.
            """
        ),
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
        "time_to_effect": "Many people notice a change over weeks to months.",
        "what_it_does": _md(
            """
            Somatic therapies, such as **Somatic Experiencing**, **EMDR** and **Internal Family
            Systems**, aim at the nervous system imbalance held in the body, which ordinary pain
            care may not reach. They are most relevant for people with widespread pain,
            especially with trauma in their past.

            They are not just "talking about feelings". They are structured ways of trying to
            settle the body's threat response, which may keep turning the pain volume up.
            """
        ),
        "evidence": _md(
            """
            A few small trials in chronic pain have had promising results, and how these
            therapies might work is still a hypothesis. NICE NG193 recommends CBT or acceptance
            and commitment therapy for chronic primary pain and makes no recommendation on
            somatic therapies. Some people find them a support during an opioid taper; that has
            not been tested in trials.
            """
        ),
    },
    {
        "slug": "low-dose-naltrexone",
        "order": 10,
        "name": "Low-dose naltrexone (LDN)",
        "summary": (
            "A very small dose of a prescription medicine, used off-label, thought to boost the "
            "body's own painkillers."
        ),
        "types": ["central"],
        "needs_prescription": True,
        "dose": (
            "1.5 to 4.5 mg a day, far below the 50 mg dose used to treat addiction. Prescribed by "
            "a doctor and usually made up by a compounding pharmacy."
        ),
        "time_to_effect": "",  # unknown: the page leaves the line out
        "what_it_does": _md(
            """
            At 1.5 to 4.5 mg (the dose used for addiction treatment is 50 mg), naltrexone
            blocks opioid receptors for a short time. In response, the body is thought to make
            more of its own endorphins.

            Laboratory studies suggest it also calms **microglia**, the immune cells of the
            brain. Microglia add to inflammation in the nervous system and to central
            sensitisation.

            Naltrexone is not licensed for pain, so this is off-label use.

            The low-dose form is made up by compounding pharmacies.
            """
        ),
        "evidence": _md(
            """
            In fibromyalgia, small early trials found less pain than with placebo, but a larger
            2024 trial of 99 women found no clear difference. It has also been tried in
            complex regional pain syndrome (CRPS), Crohn's disease and multiple sclerosis, in
            small studies.
            """
        ),
    },
    {
        "slug": "alpha-lipoic-acid",
        "order": 11,
        "name": "Alpha-lipoic acid",
        "summary": "An antioxidant that eased the symptoms of diabetic nerve pain in short trials.",
        "types": ["neuropathic"],
        "needs_prescription": False,
        "dose": "600 mg a day.",
        "time_to_effect": "",  # unknown: the page leaves the line out
        "what_it_does": _md(
            """
            Alpha-lipoic acid is an antioxidant. At 600 mg a day it eased the symptoms of
            **diabetic neuropathy** (nerve pain caused by diabetes) in short trials.

            It works alongside blood-sugar control, not instead of it.

            If you take medicine for diabetes, alpha-lipoic acid can make your blood sugar drop
            lower. Tell your diabetes team and check your sugar more often when you start.
            """
        ),
        "evidence": _md(
            """
            Trials lasting weeks, several with the drug given into a vein, found less burning,
            pain and numbness in diabetic neuropathy; 600 mg a day by mouth helped over 5 weeks
            in one trial. Whether tablets help over years is not known.
            """
        ),
    },
    {
        "slug": "methylcobalamin",
        "order": 12,
        "name": "Methylcobalamin (active vitamin B12)",
        "summary": "An active form of vitamin B12, for nerve pain caused by low B12.",
        "types": ["neuropathic"],
        "needs_prescription": False,
        "dose": "1,000 to 5,000 mcg a day.",
        "time_to_effect": "",  # unknown: the page leaves the line out
        "what_it_does": _md(
            """
            Methylcobalamin is the active form of vitamin B12. Nerves need B12 to work and
            repair, and low B12 can cause neuropathy.

            For neuropathy caused by low B12, the guide gives 1,000 to 5,000 mcg a day. The
            shortage is often **functional**: the blood level can look normal while the body
            still is not getting enough, so standard B12 tests may miss it.

            Nerve symptoms from low B12 need a doctor: depending on the cause, guidelines may
            advise injections rather than tablets.
            """
        ),
        "evidence": _md(
            """
            Vitamin B12 deficiency is a well-known, treatable cause of nerve damage, and NICE
            NG239 sets out how to find and treat it. The form and dose are chosen by cause;
            methylcobalamin at these doses has not been shown to beat other forms.
            """
        ),
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
        "time_to_effect": (
            "Control works over years, mainly by slowing damage; some symptoms may ease."
        ),
        "what_it_does": _md(
            """
            In diabetic neuropathy, keeping blood sugar under control is the **main**
            intervention. High blood sugar damages nerves, and the damage tends to progress
            while it stays uncontrolled. Good control slows that and lowers the chance of it
            starting, clearly in type 1 diabetes and less clearly in type 2; the guide adds
            that damage can partly reverse, which trials have not shown reliably.
            """
        ),
        "evidence": _md(
            """
            A Cochrane review found that tighter glucose control prevents nerve damage in type 1
            diabetes, with a smaller, uncertain effect in type 2. It is the foundation of care
            for diabetic neuropathy.
            """
        ),
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
            "My back has hurt for years and my MRI shows disc problems. Why hasn't surgery "
            "fixed it?"
        ),
        "articles": ["imaging-findings", "central-sensitisation"],
        "types": ["central"],
        "answer": _md(
            """
            Because the disc you can see on the scan may not be the main thing causing your
            pain. Surgery repairs structure. If the main problem is central sensitisation, a nervous system
            that makes pain even though the tissue is no longer being damaged, then fixing the
            structure does not change how the nervous system behaves. The pain carries on, or
            moves somewhere else.

            How well spinal surgery works depends a lot on who has it. It does better for
            people with a clear, severe structural problem, such as a trapped nerve root causing
            weakness, or a disc problem with proven nerve pain that has not improved with other
            care. For people with widespread pain, spread-out symptoms, a lot of distress and
            poor sleep, surgery is less likely to bring lasting relief.

            The bigger question is whether anyone has checked and treated your nervous system
            as well as your spine. Sensitisation, sleep, inflammation and the emotional side of
            pain all belong in the picture. Ask for them to be assessed before you weigh up
            another operation.
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
            It can be. Pain often rises for a while as the dose comes down. Part of that may be
            withdrawal, and part may be **opioid-induced hyperalgesia**: over a long time,
            opioids can make pain pathways more sensitive, not less, and a lower dose lets that
            extra sensitivity show. The pain can even feel stronger than the pain you first took
            the opioids for. That is an effect of the medicine, not you failing.

            This is not a reason to refuse the taper. It is a reason to taper **slowly**, at a
            pace you agree with your prescriber, with support along the way. Better sleep and
            psychological support help many people through this stage. Supplements such as
            magnesium, PEA and omega-3 have not been tested during tapers. Low-dose naltrexone
            cannot be used while you are still taking opioids.

            The taper will be uncomfortable. After years of opioids, your nervous system needs
            time to reset its pain threshold, and that takes months. Studies, mostly of low
            quality, suggest many people who reduce slowly end up with similar or less pain and
            better day-to-day function than on opioids. That is not guaranteed, and the 2022 CDC
            guideline warns that cutting too fast carries real risks.

            Never stop or cut opioids suddenly on your own. Agree the pace with your prescriber.
            """
        ),
    },
    {
        "slug": "fibromyalgia-options",
        "order": 3,
        "question": (
            "I have fibromyalgia and I was told medicines are all there is. Is that right?"
        ),
        "articles": ["fibromyalgia", "central-sensitisation"],
        "types": ["central"],
        "answer": _md(
            """
            No. Fibromyalgia has been researched more than most pain conditions, and the
            treatment with the strongest evidence is not a medicine. Here are the options, each
            with how well it has been tested:

            - **Graded aerobic exercise**: strong evidence; European (EULAR) recommendations put
              it first.
            - **Learning how pain works** (pain neuroscience education): moderate evidence in
              chronic pain, with few trials in fibromyalgia itself.
            - **Restoring sleep**: moderate evidence; treating insomnia improves sleep, with
              smaller gains in pain.
            - **Low-dose naltrexone**: limited. Off-label and prescription only; small trials
              disagree, and the largest found no clear benefit.
            - **Changing diet** to reduce inflammation: limited; small trials, some with
              improvements.
            - **Trauma-informed somatic therapy**: limited; a few small trials.

            The medicines most often prescribed (pregabalin, duloxetine and milnacipran) help
            some people a modest amount and can have side effects. In the UK, NICE NG193
            advises against starting pregabalin or gabapentin for this kind of pain. Medicines
            are one option among several, and exercise deserves to be offered alongside them.
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
            axis, the hormone stress system. Cortisol and adrenaline go up. These hormones can
            lower the pain threshold, by making pain sensors more sensitive and by increasing
            inflammatory signalling. On high alert, the same signal can produce more pain.

            The link between stress and pain is well documented, in experiments and in studies
            that follow people over time. It gets less attention in clinics than scans and
            procedures do, although the things that help, such as calming the nervous system,
            working through trauma, better sleep and time with other people, are real care.

            None of this makes your pain any less real. Stress works on your pain through your
            body's biology, so dealing with it is real treatment: alongside your other care,
            not instead of it.
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
              sugar keeps damaging nerves while it is uncontrolled, and good control slows the
              damage. Alpha-lipoic acid, 600 mg a day, eased symptoms in short trials (limited
              evidence).
            - **Neuropathy from low vitamin B12:** the guide gives 1,000 to 5,000 mcg a day of
              methylcobalamin, the active form of B12. The shortage is often functional rather
              than absolute, so a standard B12 blood test may not show it. See a doctor first:
              nerve symptoms from low B12 may need injections.
            - **Small fibre neuropathy:** this is often missed by standard nerve conduction
              tests. The usual test is a small skin sample (a punch biopsy). PEA is sometimes
              suggested for this type, but trial evidence for it here is sparse.

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
            pain from small signals can, in the right conditions, often turn that habit down.

            The person who said it probably meant "it isn't real" or "you are weak". Both are
            wrong. What is true is this: long-term pain signals can change how your nervous
            system works, and those changes can be treated. That is a very different, and much
            more useful, thing to hear.
            """
        ),
    },
]

# Safety texts editors adapt to their country. None is seeded: the built-in crisis text names
# the services of the site's region pack (PAINMAP_REGION, assessment/rules/regions.py), with every
# number a link; an editor adds a row only to replace it with their own words.
SUPPORT_TEXTS: list[dict] = []
