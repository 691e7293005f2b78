"""Evidence strength on articles and toolkit items, with references as rows a reader can follow.

An article's references were free text, one per line. They become Reference rows (one source of
references for articles and toolkit items alike); each moved line gets a PubMed search link for
its own wording, since the text held no DOI, until an editor replaces it with the exact source.
"""

from urllib.parse import quote_plus

import django.core.validators
import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


def move_references(apps, schema_editor):
    Article = apps.get_model("content", "Article")
    Reference = apps.get_model("content", "Reference")
    rows = []
    for article in Article.objects.exclude(references=""):
        lines = [line.strip() for line in article.references.splitlines() if line.strip()]
        for order, line in enumerate(lines):
            citation = line.replace("*", "")[:400]
            rows.append(
                Reference(
                    article=article,
                    citation=citation,
                    url="https://pubmed.ncbi.nlm.nih.gov/?term=" + quote_plus(citation)[:450],
                    order=order,
                )
            )
    Reference.objects.bulk_create(rows)


def restore_references(apps, schema_editor):
    Article = apps.get_model("content", "Article")
    Reference = apps.get_model("content", "Reference")
    for article in Article.objects.all():
        citations = Reference.objects.filter(article=article).values_list("citation", flat=True)
        article.references = "\n".join(citations)
        article.save(update_fields=["references"])


class Migration(migrations.Migration):

    dependencies = [
        ('content', '0004_editor_support_text'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='article',
            name='evidence_claim',
            field=models.CharField(blank=True, help_text='The claim the strength applies to, in one plain sentence.', max_length=300, verbose_name='claim graded'),
        ),
        migrations.AddField(
            model_name='article',
            name='evidence_strength',
            field=models.CharField(blank=True, choices=[('strong', 'Strong'), ('moderate', 'Moderate'), ('limited', 'Limited'), ('expert_opinion', 'Expert opinion')], help_text="Strong, moderate, limited or expert opinion, as defined on the public 'How strong is the evidence?' page. Grade the claim below by its best reference, and no higher.", max_length=20, verbose_name='strength of evidence'),
        ),
        migrations.AddField(
            model_name='historicalarticle',
            name='evidence_claim',
            field=models.CharField(blank=True, help_text='The claim the strength applies to, in one plain sentence.', max_length=300, verbose_name='claim graded'),
        ),
        migrations.AddField(
            model_name='historicalarticle',
            name='evidence_strength',
            field=models.CharField(blank=True, choices=[('strong', 'Strong'), ('moderate', 'Moderate'), ('limited', 'Limited'), ('expert_opinion', 'Expert opinion')], help_text="Strong, moderate, limited or expert opinion, as defined on the public 'How strong is the evidence?' page. Grade the claim below by its best reference, and no higher.", max_length=20, verbose_name='strength of evidence'),
        ),
        migrations.AddField(
            model_name='historicaltoolkititem',
            name='evidence_claim',
            field=models.CharField(blank=True, help_text='The claim the strength applies to, in one plain sentence.', max_length=300, verbose_name='claim graded'),
        ),
        migrations.AddField(
            model_name='historicaltoolkititem',
            name='evidence_strength',
            field=models.CharField(blank=True, choices=[('strong', 'Strong'), ('moderate', 'Moderate'), ('limited', 'Limited'), ('expert_opinion', 'Expert opinion')], help_text="Strong, moderate, limited or expert opinion, as defined on the public 'How strong is the evidence?' page. Grade the claim below by its best reference, and no higher.", max_length=20, verbose_name='strength of evidence'),
        ),
        migrations.AddField(
            model_name='toolkititem',
            name='evidence_claim',
            field=models.CharField(blank=True, help_text='The claim the strength applies to, in one plain sentence.', max_length=300, verbose_name='claim graded'),
        ),
        migrations.AddField(
            model_name='toolkititem',
            name='evidence_strength',
            field=models.CharField(blank=True, choices=[('strong', 'Strong'), ('moderate', 'Moderate'), ('limited', 'Limited'), ('expert_opinion', 'Expert opinion')], help_text="Strong, moderate, limited or expert opinion, as defined on the public 'How strong is the evidence?' page. Grade the claim below by its best reference, and no higher.", max_length=20, verbose_name='strength of evidence'),
        ),
        migrations.CreateModel(
            name='HistoricalReference',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('citation', models.CharField(max_length=400, verbose_name='citation')),
                ('kind', models.CharField(choices=[('guideline', 'Clinical guideline'), ('review', 'Systematic review'), ('trial', 'Randomised trial'), ('study', 'Other study or review')], default='study', max_length=20, verbose_name='kind')),
                ('doi', models.CharField(blank=True, max_length=120, validators=[django.core.validators.RegexValidator('^10\\.\\d{4,9}/\\S+$', 'A DOI starts with 10. (no https://).')], verbose_name='DOI')),
                ('url', models.URLField(blank=True, max_length=500, verbose_name='link')),
                ('guideline_stance', models.CharField(blank=True, choices=[('agrees', 'Agrees'), ('partly', 'Agrees in part'), ('disagrees', 'Does not agree'), ('no_recommendation', 'Makes no recommendation')], help_text='For guidelines only.', max_length=20, verbose_name='does the guideline agree?')),
                ('note', models.CharField(blank=True, max_length=300, verbose_name='what it says on this claim')),
                ('order', models.PositiveSmallIntegerField(default=0, verbose_name='order')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('article', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='content.article', verbose_name='article')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('item', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='content.toolkititem', verbose_name='toolkit item')),
            ],
            options={
                'verbose_name': 'historical reference',
                'verbose_name_plural': 'historical references',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='Reference',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('citation', models.CharField(max_length=400, verbose_name='citation')),
                ('kind', models.CharField(choices=[('guideline', 'Clinical guideline'), ('review', 'Systematic review'), ('trial', 'Randomised trial'), ('study', 'Other study or review')], default='study', max_length=20, verbose_name='kind')),
                ('doi', models.CharField(blank=True, max_length=120, validators=[django.core.validators.RegexValidator('^10\\.\\d{4,9}/\\S+$', 'A DOI starts with 10. (no https://).')], verbose_name='DOI')),
                ('url', models.URLField(blank=True, max_length=500, verbose_name='link')),
                ('guideline_stance', models.CharField(blank=True, choices=[('agrees', 'Agrees'), ('partly', 'Agrees in part'), ('disagrees', 'Does not agree'), ('no_recommendation', 'Makes no recommendation')], help_text='For guidelines only.', max_length=20, verbose_name='does the guideline agree?')),
                ('note', models.CharField(blank=True, max_length=300, verbose_name='what it says on this claim')),
                ('order', models.PositiveSmallIntegerField(default=0, verbose_name='order')),
                ('article', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='sources', to='content.article', verbose_name='article')),
                ('item', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='sources', to='content.toolkititem', verbose_name='toolkit item')),
            ],
            options={
                'verbose_name': 'reference',
                'ordering': ['order', 'pk'],
                'constraints': [models.CheckConstraint(condition=models.Q(models.Q(('article__isnull', False), ('item__isnull', True)), models.Q(('article__isnull', True), ('item__isnull', False)), _connector='OR'), name='reference_has_one_owner'), models.CheckConstraint(condition=models.Q(('doi', ''), ('url', ''), _negated=True), name='reference_has_doi_or_link')],
            },
        ),
        migrations.RunPython(move_references, restore_references),
        migrations.RemoveField(
            model_name='article',
            name='references',
        ),
        migrations.RemoveField(
            model_name='article',
            name='references_html',
        ),
        migrations.RemoveField(
            model_name='historicalarticle',
            name='references',
        ),
        migrations.RemoveField(
            model_name='historicalarticle',
            name='references_html',
        ),
    ]
