using static MentorFunctions.Core.Safety.DistressLexicon;
using static MentorFunctions.Core.Safety.DistressKind;
using static MentorFunctions.Core.Safety.PatternContext;

namespace MentorFunctions.Core.Safety;

/// <summary>Portuguese distress patterns, Brazilian and European spellings (accents folded: "nao", "ninguem").</summary>
internal static class PortugueseDistress
{
    private const string Abuser = @"(meu (pai|padrasto|tio|irmao|primo|avo|namorado|parceiro|marido|ex|treinador|professor|vizinho|chefe)|minha (mae|madrasta|tia|irma|prima|avo|namorada|parceira|esposa|ex|treinadora|professora|vizinha)|meus pais|ele|ela|eles|elas|alguem|um (homem|cara|adulto|senhor|desconhecido)|uma (mulher|senhora)|o namorado da minha mae)";
    private const string Target = @"(alguem|todo mundo|toda a gente|todos|ele|ela|eles|elas|meu \w+|minha \w+|meus \w+|minhas \w+|os \w+ da (escola|turma|sala)|a escola|a turma|a sala|essa gente|(os|as|esses|essas|aqueles|aquelas|todos os|todas as) (que|meninos|meninas|garotos|garotas|caras|colegas|professores|alunos|idiotas|da minha sala|da escola|valentoes)|quem)";

    public static DistressLexicon Lexicon { get; } = new()
    {
        Language = "pt",
        Fiction = R(@"\b(personagem|personagens|conto|romance|filme|novela|serie|musica|cancao|letra da|poema|poesia|protagonista|vilao|narrador|fanfic|roleplay|no jogo|videogame|cena|roteiro|capitulo|trama|anime|manga|quadrinho|documentario|ficcao|hipoteticamente|citacao|redacao sobre|apresentacao sobre|trabalho sobre|pesquisa sobre|seminario sobre|prevencao|conscientizacao|setembro amarelo|estatisticas|na historia|a historia que|o livro|no livro|um livro|peca de teatro|canta|cantor|cantora)\b"),
        Assignment = R(@"\b(para|pra|no|na) (meu|minha|o|a|um|uma|esse|essa) (redacao|trabalho|tarefa|seminario|apresentacao|prova|aula de \w+|resenha)\b"),
        Reporter = R(@"\b((meu|minha) (melhor )?(amigo|amiga|colega|irmao|irma|primo|prima|mae|pai)|(uma|um) (menina|menino|colega|amiga|amigo) da (minha )?(sala|turma|escola)|alguem que (eu )?conheco) (\w+ ){0,2}(me disse|disse|diz|falou|me falou|contou|me contou|escreveu|me escreveu|fica dizendo|vive dizendo|mandou|quer|tentou|vai)\b"),
        SelfRelate = R(@"\b(e assim que eu me sinto|e assim que me sinto|me sinto assim|me sinto igual|eu tambem|igual a mim|como eu|na vida real|de verdade|falo serio|to falando serio|estou falando serio|falando de mim)\b"),
        Hyperbole = R(
            @"\b(to |estou |tou |ta |vou )?(morrer|morrendo|morri|morro|morta|morto) de (rir|vergonha|fome|tedio|sono|calor|frio|medo|inveja|saudade|saudades|amores|cansaco|sede|ciume|ciumes|raiva|vontade|preguica)\b" +
            @"|\b(isso|essa|esse|esta|este|o|a|os|as|tanta|tanto) (\w+ ){0,2}(ta|esta|estao|tao) me matando\b|\bme mata(m)?\b" +
            @"|\b(minha mae|meu pai|meus pais|minha professora|meu professor|o professor|a professora|meu chefe|minha avo|meu treinador|minha irma|meu irmao) (vai|vao) me matar\b|\bme mato de (estudar|trabalhar)\b" +
            @"|\bprefiro morrer (do )?que\b|\bmatar (o )?tempo\b|\bmatar aula\b|\bnao entre em panico\b|\bcortar (o )?cabelo\b|\bcortei (o )?cabelo\b"),
        Negator = R(@"\b(nao|nunca|jamais|nem)\b"),
        Hedge = R(@"\b(ainda|por enquanto|por agora|acho|talvez|sei la|nao sei|provavelmente|prometo)\b"),
        Accident = R(@"\b(cozinhando|cozinha|sem querer|acidente|jogando|futebol|futsal|treino|academia|cai|caindo|tropecei|me barbeando|faca de cozinha|educacao fisica|papel|vidro|folha|correndo|esporte|bicicleta|bike|skate|patins|fogao|forno|sol|praia|panela)\b"),
        Deliberate = R(@"\b(de proposito|de novo|outra vez|pra sentir|para sentir|eu mereco)\b"),
        Joke = R(@"\bpor (comer|pegar|usar|quebrar|mexer|tomar|roubar|perder|esquecer|beber|chegar atrasad[oa])\b|\bse (ele|ela) (mexer|pegar|comer|fizer|tocar)\b|" + Laughter),
        Grievance = R(@"\b(comeu|pegou|quebrou|roubou|usou|acabou com|bebeu|perdeu|apagou|escondeu|sumiu com) (meu|minha|meus|minhas|o meu|a minha|todo o meu|toda a minha) (\w+ ){0,2}(bolo|pizza|comida|salgadinho|chocolate|doce|biscoito|bolacha|lanche|carregador|celular|fone|roupa|moletom|camiseta|jogo|controle|lugar|caneta|caderno|dever|coisas|sorvete|batata)\b"),
        Past = R(@"\b(ha (anos|meses|muito tempo)|anos atras|meses atras|eu costumava|costumava|quando eu era (crianca|pequen[oa]|mais nov[oa])|no passado|ano passado|ja (estou|to) (bem|melhor)|ja passou)\b"),
        Patterns =
        [
            P(Suicide, Negatable, @"\b(me matar|me suicidar|vou me matar|quero me matar|me mato|tirar a minha (propria )?vida|tirar minha (propria )?vida|acabar com (a )?minha vida|por fim (a|na) minha vida|por um fim (a|na) minha vida|suicid(io|ios|ar|a|as|ar me))\b"),
            P(Suicide, Negatable, @"\bacabar com tudo\b(?! (o|a|os|as|isso|esse|essa|de))"),
            P(Suicide, Negatable, @"\b(quero|queria|quisera|tenho vontade de|vontade de|vou|penso em|pensando em|planejando|desejo|preciso|tentei|tento) (morrer|estar mort[oa]|sumir para sempre|sumir pra sempre|desaparecer para sempre|desaparecer pra sempre|deixar de existir|nao acordar|nunca mais acordar|dormir para sempre|dormir pra sempre|nao existir)\b"),
            P(Suicide, Absolute, @"\b(nao|ja nao) (quero|aguento|consigo|tenho vontade de|tenho mais vontade de|sei se quero) (mais )?(viver|continuar vivendo|continuar viv[oa]|existir|estar viv[oa]|acordar|seguir vivendo)( mais)?\b(?! (cedo|as|aqui nessa cidade))"),
            P(Suicide, Absolute, @"\bnao (vejo|tem|ha|encontro) (nenhum |mais )?sentido (em|na|de|para|pra) (viver|vida|continuar|minha vida|estar vivo|estar viva|existir)\b|\b(a vida|minha vida) nao (vale a pena|tem (mais )?sentido)\b|\bnao (tenho|ha|tem) (motivo|razao|razoes|motivos) (para|pra) (viver|continuar)\b"),
            P(Suicide, Absolute, @"\b(todos|todo mundo|minha familia|eles|meus pais) (estaria|estariam|ficaria|ficariam|seria|seriam|viveria|viveriam|vivem) (mais felizes |mais feliz |bem )?melhor(es)? sem mim\b|\b(seria|ia ser) melhor (se eu morresse|sem mim|se eu sumisse|se eu nao existisse)\b"),
            P(Suicide, Absolute, @"\bninguem (sentiria|vai sentir|iria sentir|notaria|ia notar|se importaria|ia se importar|sentiria minha falta)\b.{0,40}\b(morresse|morrer|sumisse|sumir|nao estivesse|partisse|me matasse)\b"),
            P(Suicide, Absolute, @"\b(queria|quem dera|tomara que eu) (nao ter nascido|nunca ter nascido|estar mort[oa]|morrer|sumir para sempre|sumir pra sempre|nao acordar|nao acordar mais|deixar de existir)\b"),
            P(Suicide, Absolute, @"\b(ja )?nao (aguento|suporto) mais (essa|esta|minha|a) vida\b|\b(seria|ia ser) melhor (nao existir|nao estar aqui|nao ter nascido|morrer|estar mort[oa])\b|\bsentido em nada\b.{0,40}\b(sumir|desaparecer|morrer|me matar|deixar de existir)\b"),
            P(Suicide, Absolute, @"\bdormir e (nunca mais|nao|nunca) (mais )?acordar\b"),
            P(Suicide, Negatable, @"\bsou (so )?um peso (para|pra)?\b|\bsou um fardo\b"),
            // A quantity, then a few words saying whose ("um monte de remedio da minha mae"), then the pills.
            P(Suicide, Negatable, @"\b(tomar|tomei|engolir|engoli|tomando|tomo) ((uns|umas|quase|mais de|tipo|como) )?(todos|todas|um monte de|muitos|muitas|a cartela (toda|inteira) de|uma caixa de|varios|varias|um vidro de|uma cartela de|um punhado de|\d{2,}|dez|doze|quinze|vinte|trinta|quarenta|cinquenta)( \w+){0,3}? (remedios?|comprimidos?|pilulas?|calmantes?|medicamentos?)\b(?!.{0,40}\b(todo (dia|santo dia)|toda (manha|noite)|todas as (manhas|noites)|como o medico (mandou|disse)|receitad[oa]s?)\b)|\boverdose\b"),
            P(Suicide, Absolute, @"\b(carta|bilhete) de (despedida|suicidio|adeus)\b(?!( \w+){1,3} (profe|profes|profesor\w*|professor\w*|prof|maestr[oa]s?|clase|turma|sala|entrenador\w*|treinador\w*|director\w*|diretor\w*|companer\w*|colegas?|equipo|time)\b)"),
            // Two weaker signs together: wanting it all to stop, and not being able to go on.
            P(Suicide, Absolute, @"\b(quero|queria|preciso) (que )?(tudo|isso) (acabe|termine|pare|acabasse|terminasse|parasse)\b.{0,60}\bnao (aguento|consigo|suporto) mais\b|\bnao (aguento|consigo|suporto) mais\b.{0,60}\b(quero|queria|preciso) (que )?(tudo|isso) (acabe|termine|pare|acabasse|terminasse|parasse)\b|\b(que )?(tudo|isso) (acabe|termine|acabasse|terminasse) (pra|para) sempre\b"),
            P(SelfHarm, Current, @"\b(bracos|braco|pulsos|pulso|pernas|coxas|pele|barriga)\b (\w+ )?(chei[oa]s? de|cobert[oa]s? de|com) (cortes|cicatrizes|queimaduras|arranhoes)\b"),
            P(Suicide, Negatable, @"\b(me jogar|pular|vou pular|me jogo|me atirar) (da|do|de|na|no|em frente ao|na frente do|na frente de) (uma |um )?(ponte|predio|janela|sacada|telhado|trem|metro|carro|onibus|caminhao)\b"),
            P(Suicide, Negatable | Reported, @"\b(se matar|se suicidar|tirar a propria vida|tirou a propria vida|se matou|quer morrer|quer se matar)\b"),
            P(SelfHarm, Negatable | Accidental, @"\b(me cortar|me cortando|me corto|me cortei|me machucar|me machucando|me machuco|me machuquei|me ferir|me ferindo|me firo|me feri|me queimar|me queimando|me queimei|me bater|me batendo|me mutilar|me mutilo|tenho me (cortado|machucado|ferido|queimado)|estou me (cortando|machucando|ferindo))\b"),
            P(SelfHarm, Negatable, @"\b(automutila\w*|autolesao|autolesoes|auto lesao|auto mutilacao)\b|\b(voltei a|comecei a|vontade de|nao consigo parar de) (me cortar|me machucar|me ferir|me queimar)\b"),
            P(SelfHarm, Negatable | Reported, @"\b(se cortar|se cortando|se machucar|se machucando|se ferir)\b"),
            // The reflexive verb in any person and tense ("me queimo", "me cortava"), not a list of forms; "me corto" and
            // "me corte" are Spanish too, so those stay with the Spanish rules and their accident words.
            P(SelfHarm, Negatable | Accidental, @"\bme (queim|machuc|mutil)(o|ar|ando|ava|ei|e|ado)\b|\bme cort(ei|ava|ando|ado|ar)\b|\bme machuquei\b|\bme (firo|feri|ferir|ferindo)\b"),
            P(Abuse, Negatable, @"\b" + Abuser + @"( \w+){0,3} me (bate|bateu|batem|bateram|espanca|espancou|agride|agrediu|agridem|toca|tocou|apalpa|apalpou|abusa|abusou|estupra|estuprou|ameaca|ameacou|machuca|machucou|tranca|trancou|queima|queimou|enforca|enforcou|sufoca|chuta|chutou|empurra|empurrou|forca|forcou|obriga a (fazer coisas|tocar|tirar a roupa|mandar))\b(?! (no|na|em|jogando) (xadrez|jogo|videogame|corrida|partida))"),
            P(Abuse, Negatable, @"\b(sofro|sofri|estou sofrendo|sofrendo|vivo com|tem) (abuso|abusos|violencia|maus tratos|agressao|agressoes)( em casa)?\b|\b(fui|estou sendo|sou|tenho sido|to sendo) (abusad[oa]|estuprad[oa]|violentad[oa]|agredid[oa]|espancad[oa]|assediad[oa]|molestad[oa])\b|\b(abusa|abusou|abusam|abusaram) de mim\b"),
            P(Abuse, Absolute, @"\b(meu (tio|padrasto|treinador|professor|vizinho|primo|avo|chefe)|um (adulto|homem|senhor|cara mais velho))\b.{0,60}\b(nao (contar|conte|conta|contasse|falar|fale|falasse) (nada )?(pra|para|a) ninguem|(e )?nosso segredo)\b"),
            P(Abuse, Absolute, @"\babuso sexual\b|\bassedio sexual\b|\bme (toca|tocou|tocam) (nas partes|onde nao|a noite|de noite|sem permissao|no corpo)\b|\be nosso segredo\b|\bnao (conta|contar|conte) pra ninguem\b.{0,40}\b(tocou|toca|fotos|corpo)\b"),
            P(Abuse, Absolute, @"\bnao me sinto segur[oa] (em casa|na minha casa|com (ele|ela)|perto (dele|dela))\b|\b(medo|pavor) de (voltar|ir|chegar) (para|pra|em) casa\b|\btenho medo do meu (pai|padrasto|namorado|tio|irmao)\b(?! (descobrir|ver|saber|ficar bravo))|\btenho medo da minha (mae|madrasta|namorada)\b(?! (descobrir|ver|saber|ficar brava))"),
            P(Abuse, Absolute, @"\bameac\w*\b.{0,40}\b(postar|publicar|espalhar|vazar|mostrar|divulgar|mandar|enviar)\b.{0,25}\b(fotos|videos|nudes|imagens)\b|\b(pede|pediu|pedem|pediram|obriga|obrigou|pressiona|pressionou|insiste)( \w+){0,3} (nudes|fotos (nua|nu|pelad[oa]|intimas|sem roupa))\b"),
            P(Violence, Negatable | Jokey | AgainstOthers, @"\b(vou|quero|penso em|estou pensando em|planejo|to pensando em|tenho vontade de) (matar|esfaquear|atirar em|atacar|machucar|bater em|espancar|envenenar|dar um tiro em) " + Target + @"\b"),
            P(Violence, Negatable, @"\b(levar|trazer|levo|vou levar|levei) (uma |um |a |o )?(arma|faca|revolver|pistola|canivete)( do meu \w+)? (para|pra|na|a|no) (a )?(escola|aula|sala|faculdade|colegio)\b"),
            P(Violence, Negatable, @"\b(quer|querem|vai|vao|ameacou|ameaca|ameacaram|tentou|tentaram) me (matar|bater|espancar|esfaquear|estuprar|machucar|dar um tiro|dar uma surra|encher de porrada|arrebentar|quebrar (todo|inteiro|na porrada))\b|\b(vai|vao|vamos) me pegar (na saida|la fora|depois da aula|no recreio|no intervalo)\b|\bameac\w* (de )?me (matar|bater|machucar|espancar)\b"),
            P(Violence, Negatable, @"\bme (bateram|espancaram|atacaram|assaltaram|agrediram|esfaquearam)\b|\b(estao|esta|alguem esta|um cara esta|tem alguem) me (seguindo|perseguindo)\b|\b(tem|puxou|mostrou) (uma|um) (arma|faca|revolver)\b|\bestou em perigo\b|\bto em perigo\b"),
            P(Panic, Negatable | Current, @"\b(crise|ataque|crises|ataques) de (panico|ansiedade)\b"),
            P(Panic, Current, @"\bcoracao (disparado|acelerado|a mil|batendo (muito |super )?(rapido|forte)|(ta |esta )?disparando)\b.{0,50}\b(respirar|tremer|tremendo|tremo|morrer|tontura|ton[tz]\w*|panico|desmai\w*|sufoc\w*)\b"),
            P(Panic, Absolute, @"\bnao (consigo|to conseguindo|estou conseguindo) (respirar|parar de (tremer|chorar)|me acalmar)\b|\b(sinto|acho) que (vou morrer|estou morrendo|to morrendo|vou ter um (infarto|ataque cardiaco)|vou desmaiar)\b|\bfalta de ar\b"),
        ],
    };
}
