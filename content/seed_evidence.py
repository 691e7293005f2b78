"""How strong the evidence is for each seeded toolkit item and article, with its references.

Graded by the scale in `content.evidence`, each claim by its best reference and no higher. A DOI
is given only where we are sure of it; otherwise the link is the guideline's own page or a PubMed
search for the exact title, so a reader always lands on the source. Where NICE NG193 (chronic
primary pain), NICE NG59 (low back pain and sciatica) or the CDC 2022 opioid guideline speak to a
claim, the guideline is listed with whether it agrees. Editors own these after the first load.
"""

from urllib.parse import quote_plus

GUIDELINE = "guideline"
REVIEW = "review"
TRIAL = "trial"
STUDY = "study"


def pubmed(title: str) -> str:
    """A PubMed search for an exact title: a working link when we will not guess a DOI."""
    return "https://pubmed.ncbi.nlm.nih.gov/?term=" + quote_plus(f'"{title}"[Title]')


def ref(citation, kind=STUDY, doi="", url="", stance="", note=""):
    return {
        "citation": citation,
        "kind": kind,
        "doi": doi,
        "url": url,
        "guideline_stance": stance,
        "note": note,
    }


NG193 = "https://www.nice.org.uk/guidance/ng193"
NG59 = "https://www.nice.org.uk/guidance/ng59"
NG239 = "https://www.nice.org.uk/guidance/ng239"
CDC_2022 = "https://www.cdc.gov/mmwr/volumes/71/rr/rr7103a1.htm"
CDC_2022_DOI = "10.15585/mmwr.rr7103a1"
NG193_CITATION = (
    "NICE. Chronic pain (primary and secondary) in over 16s: assessment of all chronic pain and "
    "management of chronic primary pain (NG193). 2021."
)
NG59_CITATION = "NICE. Low back pain and sciatica in over 16s: assessment and management (NG59). 2016, updated 2020."
CDC_CITATION = (
    "Dowell D, Ragan KR, Jones CM, Baldwin GT, Chou R. CDC Clinical Practice Guideline for "
    "Prescribing Opioids for Pain — United States, 2022. MMWR Recomm Rep. 2022;71(3):1–95."
)
EULAR_CITATION = (
    "Macfarlane GJ, Kronisch C, Dean LE, et al. EULAR revised recommendations for the "
    "management of fibromyalgia. Ann Rheum Dis. 2017;76(2):318–328."
)
EULAR_DOI = "10.1136/annrheumdis-2016-209724"
WOOLF_2011 = ref(
    "Woolf CJ. Central sensitization: implications for the diagnosis and treatment of pain. "
    "Pain. 2011;152(3 Suppl):S2–S15.",
    STUDY,
    doi="10.1016/j.pain.2010.09.030",
)

TOOLKIT = {
    "pain-neuroscience-education": {
        "strength": "moderate",
        "claim": (
            "Learning how pain works lowers pain and disability a little in chronic "
            "musculoskeletal pain, more when it is combined with exercise."
        ),
        "references": [
            ref(
                "Watson JA, Ryan CG, Cooper L, et al. Pain neuroscience education for adults with "
                "chronic musculoskeletal pain: a mixed-methods systematic review and "
                "meta-analysis. J Pain. 2019;20(10):1140.e1–1140.e22.",
                REVIEW,
                url=pubmed(
                    "Pain Neuroscience Education for Adults With Chronic Musculoskeletal Pain: "
                    "A Mixed-Methods Systematic Review and Meta-Analysis"
                ),
                note="Small, short-term gains in pain and disability; larger with exercise.",
            ),
            ref(
                "Louw A, Zimney K, Puentedura EJ, Diener I. The efficacy of pain neuroscience "
                "education on musculoskeletal pain: a systematic review of the literature. "
                "Physiother Theory Pract. 2016;32(5):332–355.",
                REVIEW,
                url=pubmed(
                    "The efficacy of pain neuroscience education on musculoskeletal pain: "
                    "A systematic review of the literature"
                ),
            ),
            ref(
                NG59_CITATION,
                GUIDELINE,
                url=NG59,
                stance="partly",
                note=(
                    "Recommends advice and information to support self-management of low back "
                    "pain, as part of a package with exercise; it does not name this method."
                ),
            ),
        ],
    },
    "graded-movement": {
        "strength": "strong",
        "claim": (
            "Exercise that builds up gradually eases pain and improves function in chronic "
            "pain, including fibromyalgia and chronic low back pain."
        ),
        "references": [
            ref(
                "Bidonde J, Busch AJ, Schachter CL, et al. Aerobic exercise training for adults "
                "with fibromyalgia. Cochrane Database Syst Rev. 2017;6:CD012700.",
                REVIEW,
                doi="10.1002/14651858.CD012700",
            ),
            ref(
                "Hayden JA, Ellis J, Ogilvie R, Malmivaara A, van Tulder MW. Exercise therapy for "
                "chronic low back pain. Cochrane Database Syst Rev. 2021;9:CD009790.",
                REVIEW,
                doi="10.1002/14651858.CD009790.pub2",
            ),
            ref(
                NG193_CITATION,
                GUIDELINE,
                url=NG193,
                stance="agrees",
                note="Recommends a supervised group exercise programme for chronic primary pain.",
            ),
            ref(
                NG59_CITATION,
                GUIDELINE,
                url=NG59,
                stance="agrees",
                note="Recommends group exercise programmes for low back pain.",
            ),
            ref(
                EULAR_CITATION,
                GUIDELINE,
                doi=EULAR_DOI,
                stance="agrees",
                note="Exercise is its only strong recommendation for fibromyalgia.",
            ),
        ],
    },
    "sleep-restoration": {
        "strength": "moderate",
        "claim": (
            "Treating insomnia without drugs (such as CBT for insomnia) improves sleep in "
            "people with chronic pain, with a smaller, less certain effect on pain."
        ),
        "references": [
            ref(
                "Tang NKY, Lereya ST, Boulton H, et al. Nonpharmacological treatments of insomnia "
                "for long-term painful conditions: a systematic review and meta-analysis of "
                "patient-reported outcomes in randomized controlled trials. Sleep. "
                "2015;38(11):1751–1764.",
                REVIEW,
                url=pubmed(
                    "Nonpharmacological Treatments of Insomnia for Long-Term Painful Conditions: "
                    "A Systematic Review and Meta-analysis of Patient-Reported Outcomes in "
                    "Randomized Controlled Trials"
                ),
                note="Large gains in sleep; small gain in pain just after treatment.",
            ),
            ref(
                "Finan PH, Goodin BR, Smith MT. The association of sleep and pain: an update and "
                "a path forward. J Pain. 2013;14(12):1539–1552.",
                STUDY,
                doi="10.1016/j.jpain.2013.08.007",
            ),
        ],
    },
    "magnesium": {
        "strength": "limited",
        "claim": (
            "Magnesium tablets for chronic pain are backed only by small, mixed trials; the "
            "clearer results are for magnesium given into a vein around surgery."
        ),
        "references": [
            ref(
                "Park R, Ho AM, Pickering G, et al. Efficacy and safety of magnesium for the "
                "management of chronic pain in adults: a systematic review. Anesth Analg. "
                "2020;131(3):764–775.",
                REVIEW,
                url=pubmed(
                    "Efficacy and Safety of Magnesium for the Management of Chronic Pain in "
                    "Adults: A Systematic Review"
                ),
                note="Few, small, mixed trials; no firm conclusion for chronic pain.",
            ),
            ref(
                "Albrecht E, Kirkham KR, Liu SS, Brull R. Peri-operative intravenous "
                "administration of magnesium sulphate and postoperative pain: a meta-analysis. "
                "Anaesthesia. 2013;68(1):79–90.",
                REVIEW,
                url=pubmed(
                    "Peri-operative intravenous administration of magnesium sulphate and "
                    "postoperative pain: a meta-analysis"
                ),
            ),
        ],
    },
    "palmitoylethanolamide": {
        "strength": "limited",
        "claim": (
            "PEA eased pain more than placebo in a number of small trials, mostly short and of "
            "mixed quality; evidence for small fibre neuropathy is sparse."
        ),
        "references": [
            ref(
                "Lang-Illievich K, Klivinyi C, Lasser C, et al. Palmitoylethanolamide in the "
                "treatment of chronic pain: a systematic review and meta-analysis of "
                "double-blind randomized controlled trials. Nutrients. 2023;15(6):1350.",
                REVIEW,
                url=pubmed(
                    "Palmitoylethanolamide in the Treatment of Chronic Pain: A Systematic Review "
                    "and Meta-Analysis of Double-Blind Randomized Controlled Trials"
                ),
                note="Pooled benefit over placebo from small trials; certainty low.",
            ),
            ref(
                "Artukoglu BB, Beyer C, Zuloff-Shani A, Brener E, Bloch MH. Efficacy of "
                "palmitoylethanolamide for pain: a meta-analysis. Pain Physician. "
                "2017;20(5):353–362.",
                REVIEW,
                url=pubmed("Efficacy of Palmitoylethanolamide for Pain: A Meta-Analysis"),
            ),
        ],
    },
    "omega-3": {
        "strength": "limited",
        "claim": (
            "Omega-3 brought modest relief of joint pain in inflammatory arthritis; for other "
            "chronic pain, including nerve pain, the trials are few and small."
        ),
        "references": [
            ref(
                "Goldberg RJ, Katz J. A meta-analysis of the analgesic effects of omega-3 "
                "polyunsaturated fatty acid supplementation for inflammatory joint pain. Pain. "
                "2007;129(1–2):210–223.",
                REVIEW,
                doi="10.1016/j.pain.2007.01.020",
                note="17 trials, mostly rheumatoid arthritis: modest gains over 3 to 4 months.",
            ),
            ref(
                "Abdulrazaq M, Innes JK, Calder PC. Effect of ω-3 polyunsaturated fatty acids on "
                "arthritic pain: a systematic review. Nutrition. 2017;39–40:57–66.",
                REVIEW,
                url=pubmed(
                    "Effect of ω-3 polyunsaturated fatty acids on arthritic pain: "
                    "A systematic review"
                ),
            ),
        ],
    },
    "curcumin": {
        "strength": "limited",
        "claim": (
            "In small, short trials, mostly in knee osteoarthritis, curcumin eased pain, in some "
            "about as much as an NSAID; the trials are not strong enough to be sure."
        ),
        "references": [
            ref(
                "Daily JW, Yang M, Park S. Efficacy of turmeric extracts and curcumin for "
                "alleviating the symptoms of joint arthritis: a systematic review and "
                "meta-analysis of randomized clinical trials. J Med Food. 2016;19(8):717–729.",
                REVIEW,
                url=pubmed(
                    "Efficacy of Turmeric Extracts and Curcumin for Alleviating the Symptoms of "
                    "Joint Arthritis: A Systematic Review and Meta-Analysis of Randomized "
                    "Clinical Trials"
                ),
                note="Eight small trials; the authors call for larger, better ones.",
            ),
        ],
    },
    "anti-inflammatory-diet": {
        "strength": "limited",
        "claim": (
            "Mediterranean-style eating lowers some blood markers of inflammation; trials of "
            "diet for chronic pain, including fibromyalgia, are small and varied."
        ),
        "references": [
            ref(
                "Schwingshackl L, Hoffmann G. Mediterranean dietary pattern, inflammation and "
                "endothelial function: a systematic review and meta-analysis of intervention "
                "trials. Nutr Metab Cardiovasc Dis. 2014;24(9):929–939.",
                REVIEW,
                url=pubmed(
                    "Mediterranean dietary pattern, inflammation and endothelial function: "
                    "a systematic review and meta-analysis of intervention trials"
                ),
            ),
            ref(
                "Silva AR, Bernardo A, Costa J, et al. Dietary interventions in fibromyalgia: a "
                "systematic review. Ann Med. 2019;51(sup1):2–14.",
                REVIEW,
                url=pubmed("Dietary interventions in fibromyalgia: a systematic review"),
                note="Some benefit in small studies; too varied to recommend one diet.",
            ),
            ref(
                "Johnson GH, Fritsche K. Effect of dietary linoleic acid on markers of "
                "inflammation in healthy persons: a systematic review of randomized controlled "
                "trials. J Acad Nutr Diet. 2012;112(7):1029–1041.",
                REVIEW,
                url=pubmed(
                    "Effect of dietary linoleic acid on markers of inflammation in healthy "
                    "persons: a systematic review of randomized controlled trials"
                ),
                note="Why we do not blame seed oils: trials found no rise in inflammation markers.",
            ),
        ],
    },
    "somatic-therapy": {
        "strength": "limited",
        "claim": (
            "Body-based trauma therapies have been tested in a few small trials in chronic pain; "
            "how they might work is still a hypothesis."
        ),
        "references": [
            ref(
                "Andersen TE, Lahav Y, Ellegaard H, Manniche C. A randomized controlled trial of "
                "brief Somatic Experiencing for chronic low back pain and comorbid post-traumatic "
                "stress disorder symptoms. Eur J Psychotraumatol. 2017;8(1):1331108.",
                TRIAL,
                url=pubmed(
                    "A randomized controlled trial of brief Somatic Experiencing for chronic low "
                    "back pain and comorbid post-traumatic stress disorder symptoms"
                ),
            ),
            ref(
                "Tesarz J, Leisner S, Gerhardt A, et al. Effects of eye movement desensitization "
                "and reprocessing (EMDR) treatment in chronic pain patients: a systematic "
                "review. Pain Med. 2014;15(2):247–263.",
                REVIEW,
                url=pubmed(
                    "Effects of eye movement desensitization and reprocessing (EMDR) treatment "
                    "in chronic pain patients: a systematic review"
                ),
            ),
            ref(
                NG193_CITATION,
                GUIDELINE,
                url=NG193,
                stance="no_recommendation",
                note=(
                    "Recommends CBT or acceptance and commitment therapy for chronic primary "
                    "pain; it makes no recommendation on somatic therapies."
                ),
            ),
        ],
    },
    "low-dose-naltrexone": {
        "strength": "limited",
        "claim": (
            "Off-label. Small trials in fibromyalgia are mixed: early crossover trials found "
            "less pain, a larger 2024 trial found no clear benefit over placebo."
        ),
        "references": [
            ref(
                "Younger J, Noor N, McCue R, Mackey S. Low-dose naltrexone for the treatment of "
                "fibromyalgia: findings of a small, randomized, double-blind, placebo-controlled, "
                "counterbalanced, crossover trial assessing daily pain levels. Arthritis Rheum. "
                "2013;65(2):529–538.",
                TRIAL,
                url=pubmed(
                    "Low-dose naltrexone for the treatment of fibromyalgia: findings of a small, "
                    "randomized, double-blind, placebo-controlled, counterbalanced, crossover "
                    "trial assessing daily pain levels"
                ),
                note="31 women; pain fell more on naltrexone than on placebo.",
            ),
            ref(
                "Bruun KD, Christensen R, Amris K, et al. Naltrexone 6 mg once daily versus "
                "placebo in women with fibromyalgia: a randomised, double-blind, "
                "placebo-controlled trial. Lancet Rheumatol. 2024;6(1):e31–e39.",
                TRIAL,
                doi="10.1016/S2665-9913(23)00278-3",
                note="99 women over 12 weeks; no significant difference in pain from placebo.",
            ),
        ],
    },
    "alpha-lipoic-acid": {
        "strength": "limited",
        "claim": (
            "Alpha-lipoic acid eased the symptoms of diabetic nerve pain in short trials, "
            "several given into a vein; long-term benefit of tablets is unproven."
        ),
        "references": [
            ref(
                "Ziegler D, Ametov A, Barinov A, et al. Oral treatment with alpha-lipoic acid "
                "improves symptomatic diabetic polyneuropathy: the SYDNEY 2 trial. Diabetes Care. "
                "2006;29(11):2365–2370.",
                TRIAL,
                url=pubmed(
                    "Oral treatment with alpha-lipoic acid improves symptomatic diabetic "
                    "polyneuropathy: the SYDNEY 2 trial"
                ),
                note="600 mg a day by mouth eased symptoms over 5 weeks.",
            ),
            ref(
                "Mijnhout GS, Kollen BJ, Alkhalaf A, Kleefstra N, Bilo HJ. Alpha lipoic acid for "
                "symptomatic peripheral neuropathy in patients with diabetes: a meta-analysis of "
                "randomized controlled trials. Int J Endocrinol. 2012;2012:456279.",
                REVIEW,
                url=pubmed(
                    "Alpha lipoic Acid for symptomatic peripheral neuropathy in patients with "
                    "diabetes: a meta-analysis of randomized controlled trials"
                ),
            ),
        ],
    },
    "methylcobalamin": {
        "strength": "strong",
        "claim": (
            "Treating a confirmed vitamin B12 deficiency is standard care and can stop nerve "
            "damage from it getting worse; the best form and dose depend on the cause."
        ),
        "references": [
            ref(
                "NICE. Vitamin B12 deficiency in over 16s: diagnosis and management (NG239). 2024.",
                GUIDELINE,
                url=NG239,
                stance="partly",
                note=(
                    "Treat confirmed deficiency, by mouth or by injection depending on the cause "
                    "and symptoms; it does not single out methylcobalamin or these doses."
                ),
            ),
        ],
    },
    "blood-sugar-control": {
        "strength": "strong",
        "claim": (
            "Keeping blood sugar in range lowers the chance of diabetic nerve damage starting or "
            "worsening, clearly in type 1 diabetes and less clearly in type 2."
        ),
        "references": [
            ref(
                "Callaghan BC, Little AA, Feldman EL, Hughes RA. Enhanced glucose control for "
                "preventing and treating diabetic neuropathy. Cochrane Database Syst Rev. "
                "2012;6:CD007543.",
                REVIEW,
                doi="10.1002/14651858.CD007543.pub2",
            ),
            ref(
                "The Diabetes Control and Complications Trial Research Group. The effect of "
                "intensive treatment of diabetes on the development and progression of "
                "long-term complications in insulin-dependent diabetes mellitus. N Engl J Med. "
                "1993;329(14):977–986.",
                TRIAL,
                doi="10.1056/NEJM199309303291401",
            ),
        ],
    },
}

ARTICLES = {
    "what-chronic-pain-is": {
        "strength": "moderate",
        "claim": (
            "In many people with long-lasting pain, changes in how the nervous system handles "
            "pain signals help keep the pain going."
        ),
        "references": [
            ref(
                "Treede RD, Rief W, Barke A, et al. Chronic pain as a symptom or a disease: the "
                "IASP Classification of Chronic Pain for the International Classification of "
                "Diseases (ICD-11). Pain. 2019;160(1):19–27.",
                STUDY,
                doi="10.1097/j.pain.0000000000001384",
            ),
            WOOLF_2011,
            ref(
                NG193_CITATION,
                GUIDELINE,
                url=NG193,
                stance="agrees",
                note=(
                    "Treats chronic primary pain as a condition in its own right, to be assessed "
                    "and managed as a whole, not only where it hurts."
                ),
            ),
        ],
    },
    "peripheral-sensitisation": {
        "strength": "moderate",
        "claim": (
            "After injury or inflammation, pain sensors fire more easily; how often this keeps "
            "chronic pain going after healing is less well measured in people."
        ),
        "references": [
            ref(
                "Basbaum AI, Bautista DM, Scherrer G, Julius D. Cellular and molecular mechanisms "
                "of pain. Cell. 2009;139(2):267–284.",
                doi="10.1016/j.cell.2009.09.028",
            ),
            ref(
                "Julius D, Basbaum AI. Molecular mechanisms of nociception. Nature. "
                "2001;413(6852):203–210.",
                doi="10.1038/35093019",
            ),
        ],
    },
    "central-sensitisation": {
        "strength": "moderate",
        "claim": (
            "In some chronic pain, such as fibromyalgia, the spinal cord and brain amplify pain "
            "signals; in people this is measured indirectly."
        ),
        "references": [
            WOOLF_2011,
            ref(
                "Latremoliere A, Woolf CJ. Central sensitization: a generator of pain "
                "hypersensitivity by central neural plasticity. J Pain. 2009;10(9):895–926.",
                doi="10.1016/j.jpain.2009.06.012",
            ),
            ref(
                "Kosek E, Clauw D, Nijs J, et al. Chronic nociplastic pain affecting the "
                "musculoskeletal system: clinical criteria and grading system. Pain. "
                "2021;162(11):2629–2634.",
                url=pubmed(
                    "Chronic nociplastic pain affecting the musculoskeletal system: clinical "
                    "criteria and grading system"
                ),
            ),
        ],
    },
    "brain-changes": {
        "strength": "limited",
        "claim": (
            "Long-lasting pain is linked with measurable brain changes; in small studies some "
            "of these changes lessened after successful treatment."
        ),
        "references": [
            ref(
                "Apkarian AV, Sosa Y, Sonty S, et al. Chronic back pain is associated with "
                "decreased prefrontal and thalamic gray matter density. J Neurosci. "
                "2004;24(46):10410–10415.",
                url=pubmed(
                    "Chronic back pain is associated with decreased prefrontal and thalamic gray "
                    "matter density"
                ),
            ),
            ref(
                "Seminowicz DA, Wideman TH, Naso L, et al. Effective treatment of chronic low "
                "back pain in humans reverses abnormal brain anatomy and function. J Neurosci. "
                "2011;31(20):7540–7550.",
                url=pubmed(
                    "Effective treatment of chronic low back pain in humans reverses abnormal "
                    "brain anatomy and function"
                ),
                note="18 people; a small study, not a trial.",
            ),
        ],
    },
    "allostatic-load": {
        "strength": "moderate",
        "claim": (
            "Stress and poor sleep go with more pain, and a poor night predicts more pain the "
            "next day; the total-load idea itself is a framework, not a measurement."
        ),
        "references": [
            ref(
                "McEwen BS. Protective and damaging effects of stress mediators. N Engl J Med. "
                "1998;338(3):171–179.",
                doi="10.1056/NEJM199801153380307",
            ),
            ref(
                "Finan PH, Goodin BR, Smith MT. The association of sleep and pain: an update and "
                "a path forward. J Pain. 2013;14(12):1539–1552.",
                doi="10.1016/j.jpain.2013.08.007",
            ),
        ],
    },
    "opioids-and-hyperalgesia": {
        "strength": "strong",
        "claim": (
            "For chronic pain not caused by cancer, long-term opioids give no better function "
            "than other medicines and carry real risks; opioid-induced hyperalgesia is "
            "recognised, though how common it is remains unclear."
        ),
        "references": [
            ref(
                "Krebs EE, Gravely A, Nugent S, et al. Effect of opioid vs nonopioid medications "
                "on pain-related function in patients with chronic back pain or hip or knee "
                "osteoarthritis pain: the SPACE randomized clinical trial. JAMA. "
                "2018;319(9):872–882.",
                TRIAL,
                doi="10.1001/jama.2018.0899",
            ),
            ref(
                "Chou R, Turner JA, Devine EB, et al. The effectiveness and risks of long-term "
                "opioid therapy for chronic pain: a systematic review for a National Institutes "
                "of Health Pathways to Prevention Workshop. Ann Intern Med. "
                "2015;162(4):276–286.",
                REVIEW,
                doi="10.7326/M14-2559",
            ),
            ref(
                CDC_CITATION,
                GUIDELINE,
                doi=CDC_2022_DOI,
                url=CDC_2022,
                stance="agrees",
                note=(
                    "Prefers non-opioid care for chronic pain, and warns against stopping or "
                    "cutting opioids abruptly."
                ),
            ),
            ref(
                NG193_CITATION,
                GUIDELINE,
                url=NG193,
                stance="agrees",
                note="Advises against starting opioids for chronic primary pain.",
            ),
            ref(
                "Frank JW, Lovejoy TI, Becker WC, et al. Patient outcomes in dose reduction or "
                "discontinuation of long-term opioid therapy: a systematic review. Ann Intern "
                "Med. 2017;167(3):181–191.",
                REVIEW,
                url=pubmed(
                    "Patient Outcomes in Dose Reduction or Discontinuation of Long-Term Opioid "
                    "Therapy: A Systematic Review"
                ),
                note="Very low-quality evidence that pain and function may improve after a taper.",
            ),
        ],
    },
    "imaging-findings": {
        "strength": "strong",
        "claim": (
            "Disc changes on MRI are common in people with no back pain, and become more common "
            "with age."
        ),
        "references": [
            ref(
                "Brinjikji W, Luetmer PH, Comstock B, et al. Systematic literature review of "
                "imaging features of spinal degeneration in asymptomatic populations. AJNR Am J "
                "Neuroradiol. 2015;36(4):811–816.",
                REVIEW,
                doi="10.3174/ajnr.A4173",
            ),
            ref(
                "Jensen MC, Brant-Zawadzki MN, Obuchowski N, et al. Magnetic resonance imaging "
                "of the lumbar spine in people without back pain. N Engl J Med. "
                "1994;331(2):69–73.",
                doi="10.1056/NEJM199407143310201",
            ),
            ref(
                "Fairbank J, Frost H, Wilson-MacDonald J, et al. Randomised controlled trial to "
                "compare surgical stabilisation of the lumbar spine with an intensive "
                "rehabilitation programme for patients with chronic low back pain: the MRC "
                "spine stabilisation trial. BMJ. 2005;330(7502):1233.",
                TRIAL,
                url=pubmed(
                    "Randomised controlled trial to compare surgical stabilisation of the lumbar "
                    "spine with an intensive rehabilitation programme for patients with chronic "
                    "low back pain: the MRC spine stabilisation trial"
                ),
            ),
            ref(
                NG59_CITATION,
                GUIDELINE,
                url=NG59,
                stance="agrees",
                note=(
                    "Advises against routine imaging for low back pain outside specialist care, "
                    "and against spinal fusion for low back pain except in a trial."
                ),
            ),
        ],
    },
    "fibromyalgia": {
        "strength": "moderate",
        "claim": (
            "Fibromyalgia involves changed pain processing in the nervous system, and exercise "
            "is its best-supported treatment."
        ),
        "references": [
            ref(
                "Clauw DJ. Fibromyalgia: a clinical review. JAMA. 2014;311(15):1547–1555.",
                doi="10.1001/jama.2014.3266",
            ),
            ref(
                "Wolfe F, Clauw DJ, Fitzcharles MA, et al. 2016 Revisions to the 2010/2011 "
                "fibromyalgia diagnostic criteria. Semin Arthritis Rheum. 2016;46(3):319–329.",
                doi="10.1016/j.semarthrit.2016.08.012",
            ),
            ref(
                EULAR_CITATION,
                GUIDELINE,
                doi=EULAR_DOI,
                stance="agrees",
                note="Puts exercise first, then other treatments by need.",
            ),
            ref(
                NG193_CITATION,
                GUIDELINE,
                url=NG193,
                stance="partly",
                note=(
                    "Agrees on exercise and psychological therapy; it advises against starting "
                    "pregabalin or gabapentin, and allows an antidepressant such as duloxetine."
                ),
            ),
        ],
    },
    "nsaids-and-the-gut": {
        "strength": "strong",
        "claim": (
            "Taken long-term, NSAIDs can cause stomach ulcers and bleeding, and can inflame and "
            "damage the lining of the small bowel."
        ),
        "references": [
            ref(
                "Wallace JL. Prostaglandins, NSAIDs, and gastric mucosal protection: why doesn't "
                "the stomach digest itself? Physiol Rev. 2008;88(4):1547–1565.",
                doi="10.1152/physrev.00004.2008",
            ),
            ref(
                "Bjarnason I, Scarpignato C, Holmgren E, et al. Mechanisms of damage to the "
                "gastrointestinal tract from nonsteroidal anti-inflammatory drugs. "
                "Gastroenterology. 2018;154(3):500–514.",
                url=pubmed(
                    "Mechanisms of Damage to the Gastrointestinal Tract From Nonsteroidal "
                    "Anti-Inflammatory Drugs"
                ),
            ),
            ref(
                NG59_CITATION,
                GUIDELINE,
                url=NG59,
                stance="agrees",
                note=(
                    "Allows an NSAID for low back pain at the lowest dose for the shortest time, "
                    "after weighing the risk to the stomach."
                ),
            ),
        ],
    },
    "trauma-and-aces": {
        "strength": "moderate",
        "claim": (
            "People who had abuse or other hard experiences in childhood report chronic pain "
            "more often as adults; the link is consistent, but studies cannot show cause."
        ),
        "references": [
            ref(
                "Felitti VJ, Anda RF, Nordenberg D, et al. Relationship of childhood abuse and "
                "household dysfunction to many of the leading causes of death in adults: the "
                "Adverse Childhood Experiences (ACE) Study. Am J Prev Med. 1998;14(4):245–258.",
                doi="10.1016/S0749-3797(98)00017-8",
            ),
            ref(
                "Davis DA, Luecken LJ, Zautra AJ. Are reports of childhood abuse related to the "
                "experience of chronic pain in adulthood? A meta-analytic review of the "
                "literature. Clin J Pain. 2005;21(5):398–405.",
                REVIEW,
                url=pubmed(
                    "Are reports of childhood abuse related to the experience of chronic pain in "
                    "adulthood? A meta-analytic review of the literature"
                ),
            ),
            ref(
                "Afari N, Ahumada SM, Wright LJ, et al. Psychological trauma and functional "
                "somatic syndromes: a systematic review and meta-analysis. Psychosom Med. "
                "2014;76(1):2–11.",
                REVIEW,
                url=pubmed(
                    "Psychological trauma and functional somatic syndromes: a systematic review "
                    "and meta-analysis"
                ),
            ),
        ],
    },
}
